/**
 * `emit(record)` on RingBuf, SpanStream and PerfEventArray.
 *
 * A struct literal given to a ring buffer is written in place, as C programs do:
 * bpf_ringbuf_reserve, then each field stored (or read by its helper: comm(), readUserStr(), …)
 * straight into the reserved record, then bpf_ringbuf_submit. (Scalars read from the context
 * may be loaded before the reservation when that is cheaper: see emit_early.ts.) Nothing is
 * built on the stack and nothing is zeroed but the padding (reserved memory holds old records'
 * bytes). A str field a string helper fills is not zeroed past the string either: the helpers
 * always write a NUL within the field, and decoders stop at the first NUL (runtime/src/decode).
 *
 * The fields are evaluated only when the record is reserved, so a field expression must not
 * have effects a dropped record would skip, nor statements of its own: no assignments, no
 * probe functions (inlined with their statements), no map method but get(), no printk().
 * Other records (a local, such a literal, a perf buffer's) are built on the stack and copied
 * with bpf_ringbuf_output / bpf_perf_event_output; one that lives in a map value (a per-CPU
 * scratch record) is copied from there.
 *
 * A record the ring buffer refuses is counted in the map's drop counter, global data reached
 * by address (one atomic add, in a block laid out after the rest), from which the runtime
 * reports lost records; unless the ring was declared with `countLost: false`.
 */
import { Helper, MapType } from "@ts-bpf/loader";
import { imm, reg, type VReg } from "../../ir/ir.ts";
import { identifierName, isNode, type Node, unparenthesized } from "../ast.ts";
import { sizeOf, type StructType } from "../dsl_types.ts";
import type { KernelMap } from "../map_layouts.ts";
import { evaluateEarly } from "./emit_early.ts";
import { lowerExpression } from "./expressions.ts";
import { writeStructLiteral } from "./literals.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import { atomicAdd, checkOperand, mapRef } from "./map_calls.ts";
import type { Value } from "./values.ts";

/** Methods a field expression may call: reads with no effect (map lookups, the context's). */
const READING_METHODS: ReadonlySet<string> = new Set(["get", "arg", "ret"]);

export function emitRecord(l: FunctionLowerer, map: KernelMap, node: Node): Value {
  const record = map.record!;
  const literal = unparenthesized(node);
  if (map.mapType === MapType.RINGBUF && record.kind === "struct" &&
    literal.type === "ObjectExpression" && fillableInPlace(l, literal)) {
    emitInPlace(l, map, record, literal);
    return { kind: "void" };
  }
  const checked = checkOperand(l, map, record, lowerExpression(l, node, record), node, "records");
  // A record already in a map value (a looked-up per-CPU scratch record, say) is passed where it
  // is: the helpers read map values as well as the stack. Anything else is put on the stack.
  const given = checked.kind === "maybe" ? l.deref(checked, node) : checked;
  const value = given.kind === "place" && given.addr.kind === "reg" && given.addr.reg !== l.ctxReg &&
      sizeOf(given.type) === sizeOf(record) ? given : l.spill(given, record, node, "record");
  if (map.mapType === MapType.PERF_EVENT_ARRAY) {
    // bpf_perf_event_output(ctx, map, BPF_F_CURRENT_CPU, data, size): this CPU's buffer.
    l.b.emit({ op: "call", helper: Helper.perf_event_output, args: [reg(l.ctxReg),
      reg(mapRef(l, map)), imm(0xffffffffn), reg(l.addressOf(value)), imm(sizeOf(record))] });
    return { kind: "void" };
  }
  const r = l.b.vreg();
  l.b.emit({ op: "call", helper: Helper.ringbuf_output,
    args: [reg(mapRef(l, map)), reg(l.addressOf(value)), imm(sizeOf(record)), imm(0)], dst: r });
  const dropped = l.b.label("emit.dropped");
  const done = l.b.label("emit.done");
  l.b.terminate({ op: "cbr", cmp: "ne", a: r, b: imm(0), width: 64, then: dropped, else: done });
  countDrop(l, map, dropped, done);
  l.b.startBlock(done);
  return { kind: "void" };
}

/** reserve → fill in place → submit; a refused reservation is counted. */
function emitInPlace(l: FunctionLowerer, map: KernelMap, record: StructType, literal: Node): void {
  const span = l.b.span;
  const early = evaluateEarly(l, literal, record);
  l.b.span = span;
  const ptr = l.b.vreg();
  l.b.emit({ op: "call", helper: Helper.ringbuf_reserve,
    args: [reg(mapRef(l, map)), imm(sizeOf(record)), imm(0)], dst: ptr });
  const fill = l.b.label("emit.fill");
  const dropped = l.b.label("emit.dropped");
  const done = l.b.label("emit.done");
  l.b.terminate({ op: "cbr", cmp: "eq", a: ptr, b: imm(0), width: 64, then: dropped, else: fill });
  l.b.startBlock(fill);
  writeStructLiteral(l, literal, record, { kind: "place", type: record, addr: { kind: "reg", reg: ptr },
    off: 0 }, false, early);
  l.b.span = span;
  l.b.emit({ op: "call", helper: Helper.ringbuf_submit, args: [reg(ptr), imm(0)] });
  l.b.terminate({ op: "br", target: done });
  countDrop(l, map, dropped, done);
  l.b.startBlock(done);
}

/** Block `label` (cold): the map's drop counter += 1 (if it counts them), then on to `done`. */
function countDrop(l: FunctionLowerer, map: KernelMap, label: string, done: string): void {
  l.b.startBlock(label, true);
  if (!map.dropsMap) {
    l.b.terminate({ op: "br", target: done });
    return;
  }
  const counter: VReg = l.b.vreg();
  l.b.emit({ op: "map", dst: counter, map: map.dropsMap!, value: 0 });
  atomicAdd(l, { ptr: counter }, 0, 1n);
  l.b.terminate({ op: "br", target: done });
}

/**
 * Whether every member of the literal is a plain field whose value may be evaluated after the
 * reservation (see the module comment); otherwise the literal is built on the stack, where its
 * errors are reported as for any literal.
 */
function fillableInPlace(l: FunctionLowerer, literal: Node): boolean {
  return (literal.properties as Node[]).every((p) => p.type === "Property" && !p.computed &&
    identifierName(p.key) !== undefined && withoutEffects(l, p.value as Node));
}

function withoutEffects(l: FunctionLowerer, node: Node): boolean {
  switch (node.type) {
    case "AssignmentExpression": case "UpdateExpression": case "ArrowFunctionExpression":
    case "FunctionExpression":
      return false;
    case "CallExpression": {
      const callee = node.callee as Node;
      if (callee.type === "MemberExpression") {
        const method = identifierName(callee.property);
        if (callee.computed || !method || !READING_METHODS.has(method)) return false;
      } else {
        const name = identifierName(callee);
        const helper = name && !l.scope.lookup(name) ? l.module.imports.get(name) : undefined;
        if (!helper || helper === "printk") return false;
      }
    }
  }
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) if (isNode(child) && !withoutEffects(l, child)) return false;
  }
  return true;
}
