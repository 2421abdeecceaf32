/**
 * The small value language of the corpus's expectation comments: integers (decimal, hex, octal,
 * binary, negative, `_` separators, an optional `n`), `true`/`false`, "strings" (JSON), arrays
 * `[1, 2]`, structs `{ count: 3, comm: $comm }`, `_` (anything), `none` (no entry), and
 * `$name` tokens that stand for facts of the running test process ($pid, $tid, $uid, $gid,
 * $comm, $cgroup). Values parse to plain data; `sameValue` compares decoded kernel data with
 * them. Not a JavaScript evaluator: corpus comments never run as code.
 */

/** A parsed expected value. */
export type Expected =
  | { kind: "int"; value: bigint }
  | { kind: "bool"; value: boolean }
  | { kind: "str"; value: string }
  | { kind: "array"; items: Expected[] }
  | { kind: "struct"; fields: Map<string, Expected> }
  | { kind: "any" }
  | { kind: "none" }
  | { kind: "token"; name: string };

/** What a decoded kernel value looks like (see value_layout.ts). */
export type Decoded = bigint | boolean | string | Decoded[] | { [field: string]: Decoded };

/** Values the `$name` tokens stand for. */
export type Tokens = Readonly<Record<string, bigint | string>>;

const INTEGER = /^-?(0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)n?/i;

/** Parses one whole value; throws with the text and position when it does not parse. */
export function parseExpected(text: string): Expected {
  const parser = new Parser(text);
  const value = parser.value();
  parser.end();
  return value;
}

/** Parses a comma-separated list of values (arguments). */
export function parseExpectedList(text: string): Expected[] {
  const parser = new Parser(text);
  const out: Expected[] = [];
  if (parser.atEnd()) return out;
  for (;;) {
    out.push(parser.value());
    if (!parser.take(",")) break;
  }
  parser.end();
  return out;
}

/** The integer a token or integer stands for (arguments are integers). */
export function integerOf(value: Expected, tokens: Tokens): bigint {
  if (value.kind === "int") return value.value;
  if (value.kind === "bool") return value.value ? 1n : 0n;
  if (value.kind === "token") {
    const t = tokens[value.name];
    if (typeof t === "bigint") return t;
    throw new Error(`$${value.name} is not an integer token (known: ${Object.keys(tokens).join(", ")})`);
  }
  throw new Error(`expected an integer, found ${show(value)}`);
}

/** Whether `actual` (decoded from the kernel) is what `expected` says. */
export function sameValue(actual: Decoded | undefined, expected: Expected, tokens: Tokens): boolean {
  switch (expected.kind) {
    case "any": return actual !== undefined;
    case "none": return actual === undefined;
    case "token": {
      const t = tokens[expected.name];
      if (t === undefined) throw new Error(`unknown token $${expected.name}`);
      return actual === t;
    }
    case "int": return typeof actual === "bigint" && actual === expected.value;
    case "bool": return actual === expected.value;
    case "str": return actual === expected.value;
    case "array":
      return Array.isArray(actual) && actual.length === expected.items.length &&
        expected.items.every((e, i) => sameValue(actual[i], e, tokens));
    case "struct": {
      if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return false;
      const fields = actual as Record<string, Decoded>;
      // Every field must be named: a struct expectation that forgets one is a mistake.
      if (Object.keys(fields).length !== expected.fields.size) return false;
      return [...expected.fields].every(([k, e]) => k in fields && sameValue(fields[k], e, tokens));
    }
  }
}

/** A decoded value as the expectation language writes it (for failure messages). */
export function showDecoded(value: Decoded | undefined): string {
  if (value === undefined) return "none";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(showDecoded).join(", ")}]`;
  return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${showDecoded(v)}`).join(", ")} }`;
}

/** An expected value as written. */
export function show(value: Expected): string {
  switch (value.kind) {
    case "int": return String(value.value);
    case "bool": return String(value.value);
    case "str": return JSON.stringify(value.value);
    case "array": return `[${value.items.map(show).join(", ")}]`;
    case "struct": return `{ ${[...value.fields].map(([k, v]) => `${k}: ${show(v)}`).join(", ")} }`;
    case "any": return "_";
    case "none": return "none";
    case "token": return `$${value.name}`;
  }
}

class Parser {
  #pos = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    this.#skip();
    return this.#pos >= this.text.length;
  }

  end(): void {
    if (!this.atEnd()) this.#fail("unexpected text");
  }

  take(token: string): boolean {
    this.#skip();
    if (this.text.startsWith(token, this.#pos)) {
      this.#pos += token.length;
      return true;
    }
    return false;
  }

  value(): Expected {
    this.#skip();
    const rest = this.text.slice(this.#pos);
    const int = INTEGER.exec(rest);
    if (int) {
      this.#pos += int[0].length;
      const digits = int[0].replace(/_/g, "").replace(/n$/, "");
      const negative = digits.startsWith("-");
      const magnitude = BigInt(negative ? digits.slice(1) : digits);
      return { kind: "int", value: negative ? -magnitude : magnitude };
    }
    if (rest.startsWith("\"")) {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(rest);
      if (!m) this.#fail("unterminated string");
      this.#pos += m[0].length;
      return { kind: "str", value: JSON.parse(m[0]) as string };
    }
    if (this.take("[")) {
      const items: Expected[] = [];
      if (!this.take("]")) {
        do items.push(this.value()); while (this.take(","));
        if (!this.take("]")) this.#fail("expected ']'");
      }
      return { kind: "array", items };
    }
    if (this.take("{")) {
      const fields = new Map<string, Expected>();
      if (!this.take("}")) {
        do {
          this.#skip();
          const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.#pos))?.[0];
          if (!name) this.#fail("expected a field name");
          this.#pos += name.length;
          if (!this.take(":")) this.#fail("expected ':'");
          fields.set(name, this.value());
        } while (this.take(","));
        if (!this.take("}")) this.#fail("expected '}'");
      }
      return { kind: "struct", fields };
    }
    const word = /^\$?[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0];
    if (word) {
      this.#pos += word.length;
      if (word.startsWith("$")) return { kind: "token", name: word.slice(1) };
      if (word === "_") return { kind: "any" };
      if (word === "none") return { kind: "none" };
      if (word === "true" || word === "false") return { kind: "bool", value: word === "true" };
    }
    this.#fail("expected a value");
  }

  #skip(): void {
    while (this.#pos < this.text.length && /\s/.test(this.text[this.#pos]!)) this.#pos++;
  }

  #fail(message: string): never {
    throw new Error(`${message} at column ${this.#pos + 1} of '${this.text}'`);
  }
}
