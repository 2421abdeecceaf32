/**
 * Map and aggregation methods in kernel code. Keys and values are copied to zeroed stack slots
 * (the verifier requires every byte a helper reads to be initialised); lookups give nullable
 * pointers; aggregations update in place with atomic adds, creating the entry on first use.
 */
import { Helper } from "@ts-bpf/loader";
import { imm, reg, type VReg } from "../../ir/ir.ts";
import { fail } from "../../diagnostics/diagnostic.ts";
import type { Node } from "../ast.ts";
import { sizeOf, type StructType, U32, U64 } from "../dsl_types.ts";
import { type KernelMap, linearBuckets } from "../map_layouts.ts";
import type { MapDeclaration } from "../probe_module.ts";
import { lowerExpression } from "./expressions.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import type { Value } from "./values.ts";

const BPF_NOEXIST = 1;

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
      const value = l.spill(lowerExpression(l, arg(1, "a value"), map.value), map.value, args[1]!, "value");
      l.b.emit({ op: "call", helper: Helper.map_update_elem,
        args: [reg(mapRef(l, map)), reg(key), reg(l.addressOf(value)), imm(0)] });
      return { kind: "void" };
    }
    case "delete": {
      const key = keyPointer(l, map, arg(0, "a key"), "key");
      l.b.emit({ op: "call", helper: Helper.map_delete_elem, args: [reg(mapRef(l, map)), reg(key)] });
      return { kind: "void" };
    }
    case "emit": return emit(l, map, arg(0, "a record"));
    case "increment": {
      const by = args[1] ? scalarArg(l, args[1]) : undefined;
      aggregateAdd(l, map, args[0], 0, by ?? 1n, node);
      return { kind: "void" };
    }
    case "add":
      aggregateAdd(l, map, args[1], 0, scalarArg(l, arg(0, "a value")), node);
      return { kind: "void" };
    case "record":
      return record(l, decl, map, arg(0, "a value"), args[1], node);
  }
  fail("TSB2501", l.span(node), `${decl.kind}.${method}() is not supported in kernel code yet`);
}

const METHODS: Partial<Record<string, string[]>> = {
  HashMap: ["get", "set", "delete"], LruHashMap: ["get", "set", "delete"],
  PerCpuHashMap: ["get", "set", "delete"], ArrayMap: ["get", "set"], PerCpuArrayMap: ["get", "set"],
  RingBuf: ["emit"], SpanStream: ["emit"], Count: ["increment"], Sum: ["add"], Min: ["record"], Max: ["record"],
  Stats: ["record"], Avg: ["record"], Histogram: ["record"], LinearHistogram: ["record"],
};

function mapRef(l: FunctionLowerer, map: KernelMap): VReg {
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
  const value = lowerExpression(l, node, map.key);
  return l.addressOf(l.spill(value, map.key, node, name));
}

function scalarArg(l: FunctionLowerer, node: Node): VReg {
  const s = l.toScalar(lowerExpression(l, node, U64), node, U64);
  return s.type.kind === "int" && s.type.bits === 64 && !s.type.signed ? s.reg : l.convert(s, U64);
}

/** value += by at `offset` in the entry for `keyNode` (created zeroed when missing). */
function aggregateAdd(l: FunctionLowerer, map: KernelMap, keyNode: Node | undefined, offset: number,
  by: VReg | bigint, node: Node): void {
  const ptr = entryFor(l, map, keyNode, node);
  atomicAdd(l, ptr, offset, by);
  l.b.startBlock(ptr.done);
}

function atomicAdd(l: FunctionLowerer, ptr: { ptr: VReg }, offset: number, by: VReg | bigint): void {
  let amount: VReg;
  if (typeof by === "bigint") {
    amount = l.b.vreg();
    l.b.emit({ op: "mov", dst: amount, src: imm(by), width: 64 });
  } else amount = by;
  l.b.emit({ op: "atomic_add", addr: { kind: "reg", reg: ptr.ptr }, off: offset, size: 8, src: amount });
}

/**
 * Looks up the aggregation's entry for the key, inserting a zeroed one when missing. Emits a
 * branch: the returned block label continues after the update (when the map is full, the
 * update is skipped).
 */
function entryFor(l: FunctionLowerer, map: KernelMap, keyNode: Node | undefined, node: Node,
  bucket?: VReg): { ptr: VReg; done: string } {
  let key: VReg;
  if (map.userKey?.kind === "void" || !map.userKey) {
    const slot = l.tempSlot(U32, "index");
    if (bucket !== undefined) {
      l.b.emit({ op: "store", addr: { kind: "slot", slot }, off: 0, size: 4, src: reg(bucket) });
    }
    key = l.addressOf({ kind: "place", type: U32, addr: { kind: "slot", slot }, off: 0 });
    if (keyNode) fail("TSB2503", l.span(keyNode), `'${map.declaration.variable}' has no key type`,
      `declare one: new ${map.declaration.kind}<u32>(…)`);
  } else {
    if (!keyNode) fail("TSB2503", l.span(node), `'${map.declaration.variable}' is keyed: pass the key`);
    if (bucket !== undefined) {
      const keyType = map.key as StructType;
      const slot = l.tempSlot(keyType, "key");
      l.storeValue(map.userKey, { kind: "slot", slot }, 0, lowerExpression(l, keyNode, map.userKey), keyNode);
      l.b.emit({ op: "store", addr: { kind: "slot", slot }, off: keyType.fields[1]!.offset, size: 8, src: reg(bucket) });
      key = l.addressOf({ kind: "place", type: keyType, addr: { kind: "slot", slot }, off: 0 });
    } else {
      key = keyPointer(l, map, keyNode, "key");
    }
  }
  const done = l.b.label("agg.done");
  const found = l.b.label("agg.found");
  const create = l.b.label("agg.create");
  const ptr = l.b.vreg();
  const first = lookup(l, map, key);
  l.b.emit({ op: "mov", dst: ptr, src: reg(first), width: 64 });
  l.b.terminate({ op: "cbr", cmp: "ne", a: first, b: imm(0), width: 64, then: found, else: create });
  l.b.startBlock(create);
  const zeroSlot = l.tempSlot(map.value, "zero value");
  const zeroPtr = l.addressOf({ kind: "place", type: map.value, addr: { kind: "slot", slot: zeroSlot }, off: 0 });
  l.b.emit({ op: "call", helper: Helper.map_update_elem,
    args: [reg(mapRef(l, map)), reg(key), reg(zeroPtr), imm(BPF_NOEXIST)] });
  const second = lookup(l, map, key);
  l.b.emit({ op: "mov", dst: ptr, src: reg(second), width: 64 });
  l.b.terminate({ op: "cbr", cmp: "ne", a: second, b: imm(0), width: 64, then: found, else: done });
  l.b.startBlock(found);
  return { ptr, done };
}

function emit(l: FunctionLowerer, map: KernelMap, node: Node): Value {
  const record = map.record!;
  const value = l.spill(lowerExpression(l, node, record), record, node, "record");
  const r = l.b.vreg();
  l.b.emit({ op: "call", helper: Helper.ringbuf_output,
    args: [reg(mapRef(l, map)), reg(l.addressOf(value)), imm(sizeOf(record)), imm(0)], dst: r });
  // A full ring buffer refuses the record: count it so the runtime reports the loss.
  const dropped = l.b.label("emit.dropped");
  const done = l.b.label("emit.done");
  l.b.terminate({ op: "cbr", cmp: "ne", a: r, b: imm(0), width: 64, then: dropped, else: done });
  l.b.startBlock(dropped);
  const drops = l.maps.all.find((m) => m.name === map.dropsMap)!;
  const slot = l.tempSlot(U32, "index");
  const key = l.addressOf({ kind: "place", type: U32, addr: { kind: "slot", slot }, off: 0 });
  const counter = lookup(l, drops, key);
  const count = l.b.label("emit.count");
  l.b.terminate({ op: "cbr", cmp: "eq", a: counter, b: imm(0), width: 64, then: done, else: count });
  l.b.startBlock(count);
  atomicAdd(l, { ptr: counter }, 0, 1n);
  l.b.startBlock(done);
  return { kind: "void" };
}

function record(l: FunctionLowerer, decl: MapDeclaration, map: KernelMap, valueNode: Node,
  keyNode: Node | undefined, node: Node): Value {
  const value = scalarArg(l, valueNode);
  switch (decl.kind) {
    case "Histogram": {
      const bucket = log2Bucket(l, value);
      const entry = entryFor(l, map, keyNode, node, bucket);
      atomicAdd(l, entry, 0, 1n);
      l.b.startBlock(entry.done);
      return { kind: "void" };
    }
    case "LinearHistogram": {
      const bucket = linearBucket(l, decl, value);
      const entry = entryFor(l, map, keyNode, node, bucket);
      atomicAdd(l, entry, 0, 1n);
      l.b.startBlock(entry.done);
      return { kind: "void" };
    }
    case "Stats": case "Avg": {
      const entry = entryFor(l, map, keyNode, node);
      atomicAdd(l, entry, 0, 1n);
      atomicAdd(l, entry, 8, value);
      minMax(l, entry.ptr, 16, value, "min");
      minMax(l, entry.ptr, 24, value, "max");
      l.b.startBlock(entry.done);
      return { kind: "void" };
    }
    case "Min": case "Max": {
      const entry = entryFor(l, map, keyNode, node);
      minMax(l, entry.ptr, 0, value, decl.kind === "Min" ? "min" : "max");
      l.b.startBlock(entry.done);
      return { kind: "void" };
    }
  }
  fail("TSB2501", l.span(node), `${decl.kind}.record() is not supported`);
}

/**
 * Stores `value` at ptr+off when it is smaller (min) or larger (max). Not atomic: like
 * bpftrace's min/max, a concurrent update on another CPU may win. A zero entry counts as
 * "unset" for min, so the first value always lands.
 */
function minMax(l: FunctionLowerer, ptr: VReg, off: number, value: VReg, which: "min" | "max"): void {
  const current = l.b.vreg();
  l.b.emit({ op: "load", dst: current, addr: { kind: "reg", reg: ptr }, off, size: 8 });
  const write = l.b.label(`${which}.write`);
  const skip = l.b.label(`${which}.skip`);
  if (which === "min") {
    const check = l.b.label("min.check");
    l.b.terminate({ op: "cbr", cmp: "eq", a: current, b: imm(0), width: 64, then: write, else: check });
    l.b.startBlock(check);
    l.b.terminate({ op: "cbr", cmp: "lt", a: value, b: reg(current), width: 64, then: write, else: skip });
  } else {
    l.b.terminate({ op: "cbr", cmp: "gt", a: value, b: reg(current), width: 64, then: write, else: skip });
  }
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

