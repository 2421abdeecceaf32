/**
 * A seeded generator of random, well-typed DSL programs for the differential test: each
 * program is a `test()` probe doing integer arithmetic of every width and signedness (wrapping,
 * shifts, division and remainder by zero, conversions), comparisons, branches, bounded loops
 * with break and continue, struct locals, and map and aggregation operations. Programs come in
 * batches that share one probe file and its maps; program `p` uses keys from `p * KEYS_PER_PROGRAM`,
 * so a differing map entry names the program that wrote it. The same seed always gives the same
 * source.
 */

/** Map keys reserved for each program of a batch. */
export const KEYS_PER_PROGRAM = 16;
/** Arguments each program reads (ctx.arg(0..3)). */
export const ARGS = 4;

type IntType = "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64";
const TYPES: IntType[] = ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"];
const BITS: Record<IntType, number> = { u8: 8, u16: 16, u32: 32, u64: 64, i8: 8, i16: 16, i32: 32, i64: 64 };
const signed = (t: IntType) => t.startsWith("i");
const wide = (t: IntType) => BITS[t] === 64;

/** The shared struct: fields of several widths, so the layout has padding. */
const STRUCT_FIELDS: [string, IntType][] = [["a", "u8"], ["b", "i16"], ["c", "u32"], ["d", "i64"], ["e", "u64"]];

/** mulberry32: small, fast, and the same everywhere. */
export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A 64-bit value biased towards edges (0, ±1, powers of two, extremes) where bugs live. */
  u64(): bigint {
    const r = this.int(6);
    const big = () => (BigInt(this.int(2 ** 32)) << 32n) | BigInt(this.int(2 ** 32));
    switch (r) {
      case 0: return BigInt(this.pick([0, 1, 2, 3, 7, 8, 31, 32, 63, 64, 255, 256]));
      case 1: return BigInt.asUintN(64, -BigInt(this.int(300)));
      case 2: return 1n << BigInt(this.int(64));
      case 3: return BigInt(this.pick([0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff]));
      case 4: return BigInt(this.int(1000));
      default: return big();
    }
  }
}

interface Local {
  name: string;
  type: IntType;
  mutable: boolean;
}

/** One generated program: its test name and the statements of its body. */
export interface GeneratedProgram {
  name: string;
  body: string;
}

/** A batch: the probe source and its programs, with random inputs for each. */
export interface GeneratedBatch {
  seed: number;
  source: string;
  /** The imports, struct and maps every program shares. */
  prelude: string;
  /** Each program's test() declaration and arguments. */
  programs: { name: string; text: string; args: bigint[] }[];
}

/** A probe source with the batch's prelude and only the programs named. */
export function sourceOf(batch: GeneratedBatch, names: ReadonlySet<string>): string {
  return [batch.prelude, ...batch.programs.filter((p) => names.has(p.name)).map((p) => p.text)].join("\n");
}

class FunctionGenerator {
  readonly #r: Random;
  readonly #base: number;
  readonly #lines: string[] = [];
  #scopes: Local[][] = [[]];
  #counter = 0;
  #depth = 0;
  #loopDepth = 0;
  #outKey = 0;
  /** Stack-hungry statements per program, so the 512-byte budget holds. */
  #budget = { structs: 2, maps: 3, aggregations: 3 };

  constructor(r: Random, base: number) {
    this.#r = r;
    this.#base = base;
  }

  generate(): string {
    for (let k = 0; k < ARGS; k++) {
      if (this.#r.chance(0.75)) this.#declare(this.#r.pick(TYPES), k);
    }
    const n = 4 + this.#r.int(8);
    for (let i = 0; i < n; i++) this.#statement();
    // Every top-level local goes to the output map, so intermediate values are compared too.
    const top = this.#scopes[0]!;
    const ret = top.length ? this.#r.pick(top) : undefined;
    for (const l of top.slice(0, KEYS_PER_PROGRAM - 4)) this.#emitOut(`u64(${l.name})`);
    const value = ret ? `u64(${ret.name})` : this.#expr("u64", 2);
    this.#line(`return ${value};`);
    return this.#lines.join("\n");
  }

  #line(s: string): void {
    this.#lines.push(`${"  ".repeat(this.#depth + 1)}${s}`);
  }

  #fresh(prefix: string): string {
    return `${prefix}${this.#counter++}`;
  }

  #visible(type?: IntType): Local[] {
    const all = this.#scopes.flat();
    return type ? all.filter((l) => l.type === type) : all;
  }

  #declare(type: IntType, arg?: number): Local {
    const name = this.#fresh("v");
    const init = arg !== undefined ? `${type}(ctx.arg(${arg}))` : this.#expr(type, 3);
    const mutable = this.#r.chance(0.7);
    const annotate = this.#r.chance(0.5) || arg === undefined;
    this.#line(`${mutable ? "let" : "const"} ${name}${annotate ? `: ${type}` : ""} = ${init};`);
    const local = { name, type, mutable };
    this.#scopes[this.#scopes.length - 1]!.push(local);
    return local;
  }

  #emitOut(value: string): void {
    if (this.#outKey >= KEYS_PER_PROGRAM - 1) return;
    this.#line(`out.set(${this.#base + this.#outKey++}, ${value});`);
  }

  #block(body: () => void): void {
    this.#depth++;
    this.#scopes.push([]);
    body();
    this.#scopes.pop();
    this.#depth--;
  }

  #statement(): void {
    const r = this.#r;
    const mutable = this.#visible().filter((l) => l.mutable);
    const choice = r.int(100);
    if (choice < 25 || this.#visible().length < 2) {
      this.#declare(r.pick(TYPES));
    } else if (choice < 45 && mutable.length) {
      const target = r.pick(mutable);
      const op = r.pick(["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "++", "--"]);
      if (op === "++" || op === "--") this.#line(`${target.name}${op};`);
      else this.#line(`${target.name} ${op} ${this.#expr(target.type, 2)};`);
    } else if (choice < 57 && this.#depth < 3) {
      this.#line(`if (${this.#cond(2)}) {`);
      this.#block(() => this.#statements(1 + r.int(3)));
      if (r.chance(0.5)) {
        this.#line("} else {");
        this.#block(() => this.#statements(1 + r.int(3)));
      }
      this.#line("}");
    } else if (choice < 67 && this.#loopDepth < 1 && this.#depth < 3) {
      // One loop level with a small bound: the verifier walks every iteration of every path,
      // and nested loops full of branches exceed its million-instruction budget.
      const i = this.#fresh("k");
      const bound = 1 + r.int(5);
      const step = r.chance(0.8) ? `${i}++` : `${i} += ${1 + r.int(2)}`;
      this.#line(`for (let ${i}: u32 = 0; ${i} ${r.pick(["<", "<=", "<"])} ${bound}; ${step}) {`);
      this.#loopDepth++;
      this.#block(() => {
        this.#scopes[this.#scopes.length - 1]!.push({ name: i, type: "u32", mutable: false });
        if (r.chance(0.3)) this.#line(`if (${this.#cond(1)}) ${r.pick(["break", "continue"])};`);
        this.#statements(1 + r.int(3));
      });
      this.#loopDepth--;
      this.#line("}");
    } else if (choice < 77 && this.#budget.structs-- > 0) {
      this.#structOps();
    } else if (choice < 85 && this.#budget.maps-- > 0) {
      this.#mapOps();
    } else if (choice < 92 && this.#budget.aggregations-- > 0) {
      this.#aggregation();
    } else if (choice < 97 && this.#depth < 3) {
      this.#switch();
    } else {
      this.#emitOut(`u64(${this.#expr(r.pick(TYPES), 2)})`);
    }
  }

  #statements(n: number): void {
    for (let i = 0; i < n; i++) this.#statement();
  }

  #structOps(): void {
    const r = this.#r;
    const s = this.#fresh("s");
    const fields = STRUCT_FIELDS.map(([f, t]) => `${f}: ${this.#expr(t, 1)}`).join(", ");
    this.#line(`const ${s}: S = { ${fields} };`);
    const [f, t] = r.pick(STRUCT_FIELDS);
    this.#line(`${s}.${f} ${r.pick(["=", "+=", "^=", "*="])} ${this.#expr(t, 1)};`);
    const key = this.#base + r.int(2);
    this.#line(`structs.set(${key}, ${s});`);
    const p = this.#fresh("p");
    this.#line(`const ${p} = structs.get(${key});`);
    this.#line(`if (${p} !== undefined) {`);
    this.#block(() => {
      const [g, u] = r.pick(STRUCT_FIELDS);
      this.#line(`${p}.${g} = ${p}.${g} ${r.pick(["+", "-", "*", "|"])} ${this.#expr(u, 1)};`);
      const [h, w] = r.pick(STRUCT_FIELDS);
      const m = this.#visible().filter((l) => l.mutable && l.type === w);
      if (m.length) this.#line(`${r.pick(m).name} += ${p}.${h};`);
      else this.#emitOut(`u64(${p}.${h})`);
    });
    this.#line("}");
  }

  #mapOps(): void {
    const r = this.#r;
    const key = this.#base + r.int(3);
    if (r.chance(0.2)) {
      this.#line(`vals.delete(${key});`);
      return;
    }
    this.#line(`vals.set(${key}, ${this.#expr("u64", 2)});`);
    const q = this.#fresh("q");
    this.#line(`const ${q} = vals.get(${key}${r.chance(0.3) ? " + 1" : ""});`);
    this.#line(`if (${q} !== undefined) {`);
    this.#block(() => {
      this.#scopes[this.#scopes.length - 1]!.push({ name: q, type: "u64", mutable: false });
      this.#statements(1);
      this.#emitOut(this.#expr("u64", 1));
    });
    this.#line("}");
  }

  #aggregation(): void {
    const r = this.#r;
    const key = this.#base + r.int(2);
    const which = r.pick(["sums.add", "hist.record", "lows.record", "highs.record"]);
    this.#line(`${which}(u64(${this.#expr(r.pick(TYPES), 2)}), ${key});`);
  }

  #switch(): void {
    const r = this.#r;
    const t = r.pick<IntType>(["u8", "u32", "i16", "i32"]);
    this.#line(`switch (${this.#expr(t, 1)}) {`);
    const cases = [...new Set(Array.from({ length: 1 + r.int(3) }, () => this.#literal(t, true)))];
    this.#block(() => {
      // Braces give each case its own scope (a local declared in one case is not initialised
      // in the next).
      for (const c of cases) {
        this.#line(`case ${c}: {`);
        this.#block(() => this.#statements(1));
        this.#line(r.chance(0.7) ? "  break;" : "  // falls through");
        this.#line("}");
      }
      this.#line("default: {");
      this.#block(() => this.#statements(1));
      this.#line("}");
    });
    this.#line("}");
  }

  /** A literal of `t` (in range), as source text; `small` keeps it near zero. */
  #literal(t: IntType, small = false): string {
    const r = this.#r;
    const bits = BigInt(BITS[t]);
    let v = small ? BigInt(r.int(8)) : r.u64();
    v = signed(t) ? BigInt.asIntN(Number(bits), v) : BigInt.asUintN(Number(bits), v);
    const text = v < 0n ? `-${-v}` : r.chance(0.2) ? `0x${v.toString(16)}` : `${v}`;
    return wide(t) ? `${text}n` : text;
  }

  /** An expression of type `t`, at most `depth` operators deep. */
  #expr(t: IntType, depth: number): string {
    const r = this.#r;
    const leaf = depth <= 0 || r.chance(0.3);
    if (leaf) {
      const locals = this.#visible(t);
      if (locals.length && r.chance(0.7)) return r.pick(locals).name;
      if (r.chance(0.3)) {
        const other = this.#visible().filter((l) => l.type !== t);
        if (other.length) return `${t}(${r.pick(other).name})`;
      }
      return `${t}(${this.#literal(t)})`;
    }
    const kind = r.int(10);
    if (kind < 6) {
      const op = r.pick(["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "+", "-"]);
      const right = r.chance(0.25) ? this.#literal(t, op === "<<" || op === ">>") : this.#expr(t, depth - 1);
      return `(${this.#expr(t, depth - 1)} ${op} ${right})`;
    }
    if (kind < 7) return `(${this.#cond(depth - 1)} ? ${this.#expr(t, depth - 1)} : ${this.#expr(t, depth - 1)})`;
    if (kind < 8 && signed(t)) return `(-${this.#expr(t, depth - 1)})`;
    if (kind < 9) return `(~${this.#expr(t, depth - 1)})`;
    return `${t}(${this.#expr(r.pick(TYPES), depth - 1)})`;
  }

  /** A bool expression. */
  #cond(depth: number): string {
    const r = this.#r;
    if (depth > 0 && r.chance(0.3)) {
      if (r.chance(0.2)) return `!(${this.#cond(depth - 1)})`;
      return `(${this.#cond(depth - 1)} ${r.pick(["&&", "||"])} ${this.#cond(depth - 1)})`;
    }
    const t = r.pick(TYPES);
    const op = r.pick(["<", "<=", ">", ">=", "===", "!=="]);
    const right = r.chance(0.3) ? this.#literal(t) : this.#expr(t, Math.max(0, depth - 1));
    return `${this.#expr(t, Math.max(0, depth - 1))} ${op} ${right}`;
  }
}

const HEADER = `import { HashMap, Histogram, i16, i32, i64, i8, Max, Min, Sum, test, u16, u32, u64, u8 }
  from "@ts-bpf/probes";

interface S { a: u8; b: i16; c: u32; d: i64; e: u64 }
`;

/** A batch of `count` programs from `seed`, with one random input per program. */
export function generateBatch(seed: number, count: number): GeneratedBatch {
  const r = new Random(seed);
  const keys = count * KEYS_PER_PROGRAM;
  const prelude = [HEADER,
    `const out = new HashMap<u32, u64>({ entries: ${keys} });`,
    `const vals = new HashMap<u32, u64>({ entries: ${keys} });`,
    `const structs = new HashMap<u32, S>({ entries: ${keys} });`,
    `const sums = new Sum<u32>({ entries: ${keys} });`,
    `const hist = new Histogram<u32>({ entries: ${keys * 4} });`,
    `const lows = new Min<u32>({ entries: ${keys} });`,
    `const highs = new Max<u32>({ entries: ${keys} });`,
    ""].join("\n");
  const programs: GeneratedBatch["programs"] = [];
  for (let p = 0; p < count; p++) {
    const name = `p${p}`;
    const body = new FunctionGenerator(r, p * KEYS_PER_PROGRAM).generate();
    programs.push({ name, text: `test("${name}", (ctx) => {\n${body}\n});\n`,
      args: Array.from({ length: ARGS }, () => r.u64()) });
  }
  return { seed, prelude, programs, source: [prelude, ...programs.map((p) => p.text)].join("\n") };
}
