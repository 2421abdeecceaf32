/**
 * Builtins that produce strings: comm(), readUserStr(), readKernelStr() and a tracepoint's
 * `__data_loc char[]` field. Each writes its bytes straight into a destination: a field of the
 * struct being built (`{ path: readUserStr(p, 256) }`), or else a fresh zeroed stack slot. The
 * direct write matters: eBPF has 512 bytes of stack, and a 256-byte string read into a temporary
 * and then copied into a record would cost twice that.
 */
import { Helper } from "@ts-bpf/loader";
import { imm, reg } from "../../ir/ir.ts";
import { fail } from "../../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "../ast.ts";
import { type DslType, U64 } from "../dsl_types.ts";
import type { TracepointField } from "../tracepoint_format.ts";
import { lowerExpression } from "./expressions.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import type { Value } from "./values.ts";

export type Place = Extract<Value, { kind: "place" }>;

/** Capacity of a `__data_loc` string read with no destination type to size it. */
export const DATA_LOC_STR_CAPACITY = 256;
/** bpf_get_current_comm's buffer (TASK_COMM_LEN). */
const COMM_LEN = 16;
/** Largest string read: bpf_probe_read_*_str take any size, but the stack is 512 bytes. */
const MAX_STR_READ = 4096;

export const STRING_HELPERS: ReadonlySet<string> = new Set(["comm", "readUserStr", "readKernelStr"]);

/**
 * Lowers `node` into `dest` when it is a string builtin or a `__data_loc` context field and
 * `dest` is a string; returns false (emitting nothing) for anything else.
 */
export function lowerStringInto(l: FunctionLowerer, node: Node, dest: Place): boolean {
  if (dest.type.kind !== "str") return false;
  if (node.type === "ParenthesizedExpression") return lowerStringInto(l, node.expression, dest);
  if (node.type === "CallExpression") {
    const name = identifierName(node.callee);
    const helper = name && !l.scope.lookup(name) ? l.module.imports.get(name) : undefined;
    if (!helper || !STRING_HELPERS.has(helper)) return false;
    l.at(node);
    stringHelper(l, helper, node.arguments as Node[], node, dest);
    return true;
  }
  if (node.type === "MemberExpression" && !node.computed && l.tracepoint) {
    const object = node.object as Node;
    const local = object.type === "Identifier" ? l.scope.lookup(object.name) : undefined;
    if (local?.kind !== "alias" || local.value.kind !== "ctx") return false;
    const field = l.tracepoint.fields.find((f) => f.name === identifierName(node.property));
    if (!field?.dataLoc) return false;
    l.at(node);
    dataLocString(l, field, node, dest);
    return true;
  }
  return false;
}

/** comm(), readUserStr(address, N), readKernelStr(address, N) into `dest` or a fresh slot. */
export function stringHelper(l: FunctionLowerer, name: string, args: Node[], node: Node,
  dest?: Place): Place {
  if (name === "comm") {
    if (args.length) fail("TSB2402", l.span(node), "comm() takes no arguments");
    const out = dest ?? fresh(l, { kind: "str", capacity: COMM_LEN }, "comm()");
    call(l, Helper.get_current_comm, [reg(l.addressOf(out)), imm(Math.min(COMM_LEN, capacity(out)))]);
    return out;
  }
  const sizeNode = args[1];
  const size = sizeNode ? lowerExpression(l, sizeNode) : undefined;
  if (size?.kind !== "const") {
    fail("TSB2406", l.span(sizeNode ?? node), `${name}() needs a constant size`,
      `write ${name}(address, 256): the verifier must see how many bytes are written`);
  }
  if (size.value < 1n || size.value > BigInt(MAX_STR_READ)) {
    fail("TSB2403", l.span(sizeNode!), `string reads are 1 to ${MAX_STR_READ} bytes`);
  }
  if (!args[0]) fail("TSB2502", l.span(node), `${name}() needs an address`);
  const address = l.toScalar(lowerExpression(l, args[0], U64), args[0], U64);
  const out = dest ?? fresh(l, { kind: "str", capacity: Number(size.value) }, `${name}()`);
  call(l, name === "readUserStr" ? Helper.probe_read_user_str : Helper.probe_read_kernel_str,
    [reg(l.addressOf(out)), imm(Math.min(Number(size.value), capacity(out))), reg(address.reg)]);
  return out;
}

/**
 * A `__data_loc char[]` tracepoint field: a u32 in the record holding the string's offset from
 * the record's start (low 16 bits) and its length (high 16 bits). The string is copied with
 * bpf_probe_read_kernel_str, which stops at its NUL and never writes past the destination.
 */
export function dataLocString(l: FunctionLowerer, field: TracepointField, node: Node,
  dest?: Place, expected?: DslType): Place {
  if (!/\bchar\s*\[\s*\]/.test(field.declaration)) {
    fail("TSB2303", l.span(node), `'${field.name}' is a variable-length array (${field.declaration})`,
      "only __data_loc char[] strings can be read; other variable-length fields are not supported yet");
  }
  const out = dest ?? fresh(l, { kind: "str", capacity: expected?.kind === "str" ? expected.capacity
    : DATA_LOC_STR_CAPACITY }, `ctx.${field.name}`);
  const loc = l.b.vreg();
  l.b.emit({ op: "load", dst: loc, addr: { kind: "reg", reg: l.ctxReg }, off: field.offset, size: 4 });
  l.b.emit({ op: "alu", alu: "and", dst: loc, a: loc, b: imm(0xffff), width: 64 });
  const source = l.b.vreg();
  l.b.emit({ op: "alu", alu: "add", dst: source, a: l.ctxReg, b: reg(loc), width: 64 });
  call(l, Helper.probe_read_kernel_str, [reg(l.addressOf(out)), imm(capacity(out)), reg(source)]);
  return out;
}

function capacity(place: Place): number {
  return place.type.kind === "str" ? place.type.capacity : 0;
}

function fresh(l: FunctionLowerer, type: DslType, name: string): Place {
  const slot = l.tempSlot(type, name);
  return { kind: "place", type, addr: { kind: "slot", slot }, off: 0, fresh: true };
}

function call(l: FunctionLowerer, helper: number, args: ReturnType<typeof imm>[]): void {
  l.b.emit({ op: "call", helper, args, dst: l.b.vreg() });
}
