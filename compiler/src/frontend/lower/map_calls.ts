/**
 * Map and aggregation methods in kernel code. Keys and values are copied to zeroed stack slots
 * (the verifier requires every byte a helper reads to be initialised); lookups give nullable
 * pointers; aggregations update in place with atomic adds, creating the entry on first use
 * (see `updateEntry`). Ring buffers' emit() is in emit_record.ts.
 */
import { Helper, MapType, UpdateFlag } from "@ts-bpf/loader";
import { imm, reg, type VReg } from "../../ir/ir.ts";
import { fail } from "../../diagnostics/diagnostic.ts";
import type { Node } from "../ast.ts";
import { type DslType, type IntType, sameType, sizeOf, type StructType, typeName, U32, U64 }
  from "../dsl_types.ts";
import { type KernelMap, linearBuckets } from "../map_layouts.ts";
import type { MapDeclaration } from "../probe_module.ts";
import { emitRecord } from "./emit_record.ts";
import { lowerExpression } from "./expressions.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import type { Value } from "./values.ts";

const BPF_ANY = 0;

export function mapMethod(l: FunctionLowerer, decl: MapDeclaration, method: string, args: Node[],
  node: Node): Value {
  const map = l.maps.byVariable.get(decl.variable)!;
  const allowed = METHODS[decl.kind] ?? [];
  if (!allowed.includes(method)) {
    fail("TSB2501", l.span(node.callee.property), `${decl.kind} has no kernel method '${method}'`,
      allowed.length ? `use ${allowed.map((m) => `${m}()`).join(", ")}` : undefined);
  }
  const arg = (i: number, what: string) => {
    if (!args[i]) fail("TSB2502", l.span(node), `${decl.variable}.${method}() needs ${what}`);
    return args[i]!;
  };
  switch (method) {
    case "get": {
      const key = keyPointer(l, map, arg(0, "a key"), "key");
      return { kind: "maybe", type: map.value, ptr: lookup(l, map, key) };
    }
    case "set": {
      const key = keyPointer(l, map, arg(0, "a key"), "key");
      const given = checkOperand(l, map, map.value, lowerExpression(l, arg(1, "a value"), map.value),
        args[1]!, "values");
      const value = l.spill(given, map.value, args[1]!, "value");
      l.b.emit({ op: "call", helper: Helper.map_update_elem,
        args: [reg(mapRef(l, map)), reg(key), reg(l.addressOf(value)), imm(0)] });
      return { kind: "void" };
    }
    case "delete": {
      const key = keyPointer(l, map, arg(0, "a key"), "key");
      l.b.emit({ op: "call", helper: Helper.map_delete_elem, args: [reg(mapRef(l, map)), reg(key)] });
      return { kind: "void" };
    }
    case "emit": return emitRecord(l, map, arg(0, "a record"));
    case "increment": {
      const by = args[1] ? scalarArg(l, args[1]) : undefined;
      aggregateAdd(l, map, keyArgument(args[0]), 0, by ?? 1n, node);
      return { kind: "void" };
    }
    case "add":
      // A signed Sum's value is sign-extended to 64 bits (-1 of an i32 adds -1, not 2^32 - 1).
      aggregateAdd(l, map, keyArgument(args[1]), 0, scalarArg(l, arg(0, "a value"), map.value as IntType), node);
      return { kind: "void" };
    case "record":
      return record(l, decl, map, arg(0, "a value"), keyArgument(args[1]), node);
  }
  fail("TSB2501", l.span(node), `${decl.kind}.${method}() is not supported in kernel code yet`);
}

/** An aggregation's key argument; `undefined` written out (`c.increment(undefined, 5n)`) is none. */
function keyArgument(node: Node | undefined): Node | undefined {
  return node?.type === "Identifier" && node.name === "undefined" ? undefined : node;
}

const METHODS: Partial<Record<string, string[]>> = {
  HashMap: ["get", "set", "delete"], LruHashMap: ["get", "set", "delete"],
  PerCpuHashMap: ["get", "set", "delete"], ArrayMap: ["get", "set"], PerCpuArrayMap: ["get", "set"],
  RingBuf: ["emit"], PerfEventArray: ["emit"], SpanStream: ["emit"], Count: ["increment"], Sum: ["add"], Min: ["record"], Max: ["record"],
  Stats: ["record"], Avg: ["record"], Histogram: ["record"], LinearHistogram: ["record"],
};

export function mapRef(l: FunctionLowerer, map: KernelMap): VReg {
  const r = l.b.vreg();
  l.b.emit({ op: "map", dst: r, map: map.name });
  return r;
}

function lookup(l: FunctionLowerer, map: KernelMap, key: VReg): VReg {
  const r = l.b.vreg();
  l.b.emit({ op: "call", helper: Helper.map_lookup_elem, args: [reg(mapRef(l, map)), reg(key)], dst: r });
  return r;
}

function keyPointer(l: FunctionLowerer, map: KernelMap, node: Node, name: string): VReg {
  const value = checkOperand(l, map, map.key, lowerExpression(l, node, map.key), node, "keys");
  return l.addressOf(l.spill(value, map.key, node, name));
}

/**
 * A key or value of the wrong kind (a struct where the map has integer keys, an integer where
 * it has struct values) is named with the map's declared type. Integers of another width are
 * converted like assignments.
 */
export function checkOperand(l: FunctionLowerer, map: KernelMap, type: DslType, value: Value, node: Node,
  role: "keys" | "values" | "records"): Value {
  const given = value.kind === "place" || value.kind === "maybe" ? value.type
    : value.kind === "scalar" || value.kind === "const" ? value.type ?? U64 : undefined;
  const scalar = (t: DslType) => t.kind === "int" || t.kind === "bool";
  const fits = given !== undefined && (scalar(type) ? scalar(given) : sameType(given, type));
  if (!fits) {
    const what = role === "records" ? `ring buffer '${map.declaration.variable}' takes`
      : `map '${map.declaration.variable}' has`;
    fail("TSB2105", l.span(node), `${what} ${typeName(type)} ${role}, found ${l.describe(value)}`);
  }
  return value;
}

/** An integer argument as a 64-bit value of `to` (u64, or i64 for signed Min/Max/Stats). */
function scalarArg(l: FunctionLowerer, node: Node, to: IntType = U64): VReg {
  const s = l.toScalar(lowerExpression(l, node, to), node, to);
  return s.type.kind === "int" && s.type.bits === 64 && s.type.signed === to.signed ? s.reg
    : l.convert(s, to);
}

/** value += by at `offset` in the entry for `keyNode` (created holding `by` when missing). */
function aggregateAdd(l: FunctionLowerer, map: KernelMap, keyNode: Node | undefined, offset: number,
  by: VReg | bigint, node: Node): void {
  updateEntry(l, map, keyNode, node, {
    initial: (slot) => l.b.emit({ op: "store", addr: { kind: "slot", slot }, off: offset, size: 8,
      src: typeof by === "bigint" ? imm(by) : reg(by) }),
    update: (ptr) => atomicAdd(l, { ptr }, offset, by),
  });
}

export function atomicAdd(l: FunctionLowerer, ptr: { ptr: VReg }, offset: number, by: VReg | bigint): void {
  let amount: VReg;
  if (typeof by === "bigint") {
    amount = l.b.vreg();
    l.b.emit({ op: "mov", dst: amount, src: imm(by), width: 64 });
  } else amount = by;
  l.b.emit({ op: "atomic_add", addr: { kind: "reg", reg: ptr.ptr }, off: offset, size: 8, src: amount });
}

/** How an aggregation changes the entry for one key. */
interface EntryUpdate {
  /** Histograms: the bucket, which the map key carries beside the user's key. */
  bucket?: VReg;
  /** Fills a new entry's value in a (zeroed) stack slot: what `update` would make of zeros. */
  initial(slot: number): void;
  /** Updates an existing entry in place through its pointer. */
  update(ptr: VReg): void;
}

/**
 * Updates the aggregation's entry for the key: in place when it exists (the fast path, laid
 * out right after the lookup); otherwise by creating it with its initial value. How a missing
 * entry is created depends on the map:
 * - arrays (keyless aggregations, histogram buckets): every index exists, nothing to create;
 * - per-CPU hashes: BPF_ANY writes only this CPU's value, which a concurrent creation on
 *   another CPU leaves zero, so the count stays exact without a second lookup;
 * - hashes: UpdateFlag.NOEXIST, and if another CPU created the entry in between, update that one.
 * When the map is full the update is skipped.
 */
function updateEntry(l: FunctionLowerer, map: KernelMap, keyNode: Node | undefined, node: Node,
  how: EntryUpdate): void {
  const key = entryKey(l, map, keyNode, node, how.bucket);
  const done = l.b.label("agg.done");
  const found = l.b.label("agg.found");
  const everyKeyExists = map.mapType === MapType.ARRAY || map.mapType === MapType.PERCPU_ARRAY;
  const create = everyKeyExists ? done : l.b.label("agg.create");
  const ptr = lookup(l, map, key);
  l.b.terminate({ op: "cbr", cmp: "eq", a: ptr, b: imm(0), width: 64, then: create, else: found });
  l.b.startBlock(found);
  how.update(ptr);
  l.b.terminate({ op: "br", target: done });
  if (!everyKeyExists) {
    l.b.startBlock(create);
    const slot = l.tempSlot(map.value, "initial value");
    how.initial(slot);
    const value = l.addressOf({ kind: "place", type: map.value, addr: { kind: "slot", slot }, off: 0 });
    const perCpu = map.mapType === MapType.PERCPU_HASH;
    const created = l.b.vreg();
    l.b.emit({ op: "call", helper: Helper.map_update_elem, dst: created,
      args: [reg(mapRef(l, map)), reg(key), reg(value), imm(perCpu ? BPF_ANY : UpdateFlag.NOEXIST)] });
    if (!perCpu) {
      const retry = l.b.label("agg.retry");
      const foundLater = l.b.label("agg.found");
      l.b.terminate({ op: "cbr", cmp: "eq", a: created, b: imm(0), width: 64, then: done, else: retry });
      l.b.startBlock(retry);
      const later = lookup(l, map, key);
      l.b.terminate({ op: "cbr", cmp: "eq", a: later, b: imm(0), width: 64, then: done, else: foundLater });
      l.b.startBlock(foundLater);
      how.update(later);
    }
  }
  l.b.startBlock(done);
}

/** A pointer to the aggregation's map key for `keyNode` (index 0 or the bucket when keyless). */
function entryKey(l: FunctionLowerer, map: KernelMap, keyNode: Node | undefined, node: Node,
  bucket?: VReg): VReg {
  if (map.userKey?.kind === "void" || !map.userKey) {
    if (keyNode) {
      fail("TSB2503", l.span(keyNode), `'${map.declaration.variable}' is keyless: it takes no key`,
        `to aggregate per key, declare a key type: new ${map.declaration.kind}<u32>(…)`);
    }
    const slot = l.tempSlot(U32, "index");
    if (bucket !== undefined) {
      l.b.emit({ op: "store", addr: { kind: "slot", slot }, off: 0, size: 4, src: reg(bucket) });
    }
    return l.addressOf({ kind: "place", type: U32, addr: { kind: "slot", slot }, off: 0 });
  }
  if (!keyNode) {
    fail("TSB2503", l.span(node), `'${map.declaration.variable}' is keyed: pass the key`,
      `it was declared new ${map.declaration.kind}<${typeName(map.userKey)}>(…)`);
  }
  if (bucket === undefined) return keyPointer(l, map, keyNode, "key");
  const keyType = map.key as StructType;
  const slot = l.tempSlot(keyType, "key");
  l.storeValue(map.userKey, { kind: "slot", slot }, 0, lowerExpression(l, keyNode, map.userKey), keyNode);
  l.b.emit({ op: "store", addr: { kind: "slot", slot }, off: keyType.fields[1]!.offset, size: 4, src: reg(bucket) });
  return l.addressOf({ kind: "place", type: keyType, addr: { kind: "slot", slot }, off: 0 });
}

function record(l: FunctionLowerer, decl: MapDeclaration, map: KernelMap, valueNode: Node,
  keyNode: Node | undefined, node: Node): Value {
  // Min, Max and Stats keep values of the declared type's signedness (map_layouts.ts).
  const recorded = decl.kind === "Min" || decl.kind === "Max" ? map.value as IntType
    : decl.kind === "Stats" || decl.kind === "Avg" ? (map.value as StructType).fields[1]!.type as IntType
    : U64;
  const value = scalarArg(l, valueNode, recorded);
  const signed = recorded.signed;
  const store = (slot: number, off: number, src: VReg | bigint) => l.b.emit({ op: "store",
    addr: { kind: "slot", slot }, off, size: 8, src: typeof src === "bigint" ? imm(src) : reg(src) });
  switch (decl.kind) {
    case "Histogram": case "LinearHistogram": {
      const bucket = decl.kind === "Histogram" ? log2Bucket(l, value) : linearBucket(l, decl, value);
      updateEntry(l, map, keyNode, node, { bucket, initial: (slot) => store(slot, 0, 1n),
        update: (ptr) => atomicAdd(l, { ptr }, 0, 1n) });
      return { kind: "void" };
    }
    case "Stats": case "Avg": {
      // A new entry starts as one value: count 1, sum = min = max = value.
      updateEntry(l, map, keyNode, node, {
        initial: (slot) => {
          store(slot, 0, 1n);
          for (const off of [8, 16, 24]) store(slot, off, value);
        },
        update: (ptr) => {
          atomicAdd(l, { ptr }, 0, 1n);
          atomicAdd(l, { ptr }, 8, value);
          minMax(l, ptr, 16, value, "min", signed);
          minMax(l, ptr, 24, value, "max", signed);
        },
      });
      return { kind: "void" };
    }
    case "Min": case "Max":
      updateEntry(l, map, keyNode, node, { initial: (slot) => store(slot, 0, value),
        update: (ptr) => minMax(l, ptr, 0, value, decl.kind === "Min" ? "min" : "max", signed) });
      return { kind: "void" };
  }
  fail("TSB2501", l.span(node), `${decl.kind}.record() is not supported`);
}

/**
 * Stores `value` at ptr+off when it is smaller (min) or larger (max), comparing as signed or
 * unsigned 64-bit integers. Not atomic: like bpftrace's min/max, a concurrent update on another
 * CPU may win. Entries are created holding their first value (see updateEntry), so no value
 * means "unset".
 */
function minMax(l: FunctionLowerer, ptr: VReg, off: number, value: VReg, which: "min" | "max",
  signed: boolean): void {
  const current = l.b.vreg();
  l.b.emit({ op: "load", dst: current, addr: { kind: "reg", reg: ptr }, off, size: 8 });
  const write = l.b.label(`${which}.write`);
  const skip = l.b.label(`${which}.skip`);
  const cmp = which === "min" ? (signed ? "slt" : "lt") : (signed ? "sgt" : "gt");
  l.b.terminate({ op: "cbr", cmp, a: value, b: reg(current),
    width: 64, then: write, else: skip });
  l.b.startBlock(write);
  l.b.emit({ op: "store", addr: { kind: "reg", reg: ptr }, off, size: 8, src: reg(value) });
  l.b.startBlock(skip);
}

/** bpftrace's log2 bucket: 0 for 0, else floor(log2(v)) + 1; by binary search on the bits. */
function log2Bucket(l: FunctionLowerer, value: VReg): VReg {
  const v = l.b.vreg();
  const n = l.b.vreg();
  l.b.emit({ op: "mov", dst: v, src: reg(value), width: 64 });
  l.b.emit({ op: "mov", dst: n, src: imm(0), width: 64 });
  const zero = l.b.label("log2.zero");
  const start = l.b.label("log2.start");
  l.b.terminate({ op: "cbr", cmp: "eq", a: v, b: imm(0), width: 64, then: zero, else: start });
  l.b.startBlock(start);
  for (const shift of [32, 16, 8, 4, 2, 1]) {
    const take = l.b.label("log2.take");
    const next = l.b.label("log2.next");
    l.b.terminate({ op: "cbr", cmp: "ge", a: v, b: imm(1n << BigInt(shift)), width: 64, then: take, else: next });
    l.b.startBlock(take);
    l.b.emit({ op: "alu", alu: "rsh", dst: v, a: v, b: imm(shift), width: 64 });
    l.b.emit({ op: "alu", alu: "add", dst: n, a: n, b: imm(shift), width: 64 });
    l.b.startBlock(next);
  }
  l.b.emit({ op: "alu", alu: "add", dst: n, a: n, b: imm(1), width: 64 });
  l.b.startBlock(zero);
  const out = l.b.vreg();
  l.b.emit({ op: "mov", dst: out, src: reg(n), width: 64 });
  return out;
}

/** Bucket 0 below min, 1 + (v - min) / step inside, the last at or above max. */
function linearBucket(l: FunctionLowerer, decl: MapDeclaration, value: VReg): VReg {
  const { min, max, step } = decl.options as { min: number; max: number; step: number };
  const last = linearBuckets(decl) - 1;
  const out = l.b.vreg();
  const below = l.b.label("lhist.below");
  const above = l.b.label("lhist.above");
  const inside = l.b.label("lhist.inside");
  const check = l.b.label("lhist.check");
  const done = l.b.label("lhist.done");
  l.b.terminate({ op: "cbr", cmp: "lt", a: value, b: imm(min), width: 64, then: below, else: check });
  l.b.startBlock(check);
  l.b.terminate({ op: "cbr", cmp: "ge", a: value, b: imm(max), width: 64, then: above, else: inside });
  l.b.startBlock(inside);
  l.b.emit({ op: "alu", alu: "sub", dst: out, a: value, b: imm(min), width: 64 });
  l.b.emit({ op: "alu", alu: "div", dst: out, a: out, b: imm(step), width: 64 });
  l.b.emit({ op: "alu", alu: "add", dst: out, a: out, b: imm(1), width: 64 });
  l.b.terminate({ op: "br", target: done });
  l.b.startBlock(below);
  l.b.emit({ op: "mov", dst: out, src: imm(0), width: 64 });
  l.b.terminate({ op: "br", target: done });
  l.b.startBlock(above);
  l.b.emit({ op: "mov", dst: out, src: imm(last), width: 64 });
  l.b.startBlock(done);
  return out;
}

