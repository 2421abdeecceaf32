/**
 * The handler's context: tracepoint fields at their format's offsets (read-only; `__data_loc`
 * strings are copied out by strings.ts), raw
 * tracepoint arguments, and uprobe registers from struct pt_regs (x86-64).
 */
import { fail } from "../../diagnostics/diagnostic.ts";
import type { Node } from "../ast.ts";
import { type DslType, U64 } from "../dsl_types.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import { dataLocString } from "./strings.ts";
import type { Value } from "./values.ts";

/** Offsets in struct pt_regs (x86-64) of the argument registers and the return value. */
export const PT_REGS_ARGS = [112, 104, 96, 88, 72, 64];
export const PT_REGS_RAX = 80;

export function contextField(l: FunctionLowerer, name: string, node: Node, expected?: DslType): Value {
  const format = l.tracepoint;
  if (!format) {
    fail("TSB2301", l.span(node), `this context has no field '${name}'`,
      l.attachment.kind === "uprobe" || l.attachment.kind === "uretprobe"
        ? "use ctx.arg(n) and ctx.ret()" : "use ctx.arg(n)");
  }
  const field = format.fields.find((f) => f.name === name);
  if (!field) {
    const names = format.fields.filter((f) => !f.name.startsWith("common_")).map((f) => f.name);
    fail("TSB2302", l.span(node), `tracepoint '${l.attachment.target}' has no field '${name}'`,
      names.length ? `its fields are: ${names.join(", ")}` : "it has no fields of its own");
  }
  // A variable-length string stored after the fixed fields: read it into a str<N> (N from
  // the destination's type, else 256).
  if (field.dataLoc) return dataLocString(l, field, node, undefined, expected);
  return { kind: "place", type: field.type, addr: { kind: "reg", reg: l.ctxReg }, off: field.offset };
}

/** ctx.arg(n) and ctx.ret(). */
export function contextCall(l: FunctionLowerer, method: string, args: Node[], node: Node): Value {
  const kind = l.attachment.kind;
  const index = (): number => {
    const a = args[0];
    const v = a?.type === "Literal" && typeof a.value === "number" ? a.value : undefined;
    if (v === undefined || !Number.isInteger(v) || v < 0) {
      fail("TSB2304", l.span(a ?? node), "ctx.arg() needs a constant argument number");
    }
    return v;
  };
  if (method === "arg") {
    const n = index();
    if (kind === "uprobe" || kind === "uretprobe" || kind === "profile") {
      if (n >= PT_REGS_ARGS.length) {
        fail("TSB2304", l.span(node), `x86-64 passes only ${PT_REGS_ARGS.length} arguments in registers`);
      }
      return { kind: "place", type: U64, addr: { kind: "reg", reg: l.ctxReg }, off: PT_REGS_ARGS[n]! };
    }
    if (kind === "rawTracepoint" || kind === "test") {
      if (n >= 12) fail("TSB2304", l.span(node), "raw tracepoints have at most 12 arguments");
      return { kind: "place", type: U64, addr: { kind: "reg", reg: l.ctxReg }, off: n * 8 };
    }
    fail("TSB2305", l.span(node), "tracepoint contexts have named fields, not ctx.arg()",
      "read ctx.<field> (see 'tsbpf list tracepoints')");
  }
  if (method === "ret") {
    if (kind !== "uretprobe") {
      fail("TSB2306", l.span(node), "ctx.ret() is only available in uretprobe handlers");
    }
    return { kind: "place", type: U64, addr: { kind: "reg", reg: l.ctxReg }, off: PT_REGS_RAX };
  }
  fail("TSB2307", l.span(node), `the context has no method '${method}'`);
}
