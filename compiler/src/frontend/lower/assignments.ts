/**
 * Assignments: `=`, compound operators (`+=` …) and `++`/`--` on mutable locals, struct fields
 * and map values looked up and checked. The context is read-only; consts and top-level names
 * cannot be assigned.
 */
import { reg } from "../../ir/ir.ts";
import { fail } from "../../diagnostics/diagnostic.ts";
import type { Node } from "../ast.ts";
import type { DslType } from "../dsl_types.ts";
import { binary, lowerExpression } from "./expressions.ts";
import { ARITHMETIC } from "./integers.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import { lowerStringInto } from "./strings.ts";
import type { Value } from "./values.ts";

/** Where an assignment writes. */
function target(l: FunctionLowerer, node: Node): { type: DslType; write: (v: Value, n: Node) => void; read: () => Value } {
  if (node.type === "Identifier") {
    const local = l.scope.lookup(node.name);
    if (!local) {
      if (l.module.maps.has(node.name) || l.module.constants.has(node.name)) {
        fail("TSB2213", l.span(node), `'${node.name}' is a top-level constant and cannot be assigned`);
      }
      fail("TSB2204", l.span(node), `'${node.name}' is not a local of this handler`,
        "kernel code cannot change userspace variables; use a map to share state");
    }
    if (local.kind === "reg") {
      if (!local.mutable) fail("TSB2213", l.span(node), `'${node.name}' is a const`, "declare it with let");
      return {
        type: local.type,
        read: () => ({ kind: "scalar", type: local.type, reg: local.reg }),
        write: (v, n) => {
          const s = l.toScalar(v, n, local.type);
          const r = s.type.kind === "int" && local.type.kind === "int" &&
              (s.type.bits !== local.type.bits || s.type.signed !== local.type.signed)
            ? l.convert(s, local.type) : s.reg;
          l.b.emit({ op: "mov", dst: local.reg, src: reg(r), width: 64 });
        },
      };
    }
    if (local.kind === "place") {
      return {
        type: local.type,
        read: () => ({ kind: "place", type: local.type, addr: { kind: "slot", slot: local.slot }, off: 0 }),
        write: (v, n) => l.storeValue(local.type, { kind: "slot", slot: local.slot }, 0, v, n),
      };
    }
    fail("TSB2213", l.span(node), `'${node.name}' cannot be assigned`);
  }
  const place = lowerExpression(l, node);
  if (place.kind !== "place") fail("TSB2214", l.span(node), "this cannot be assigned to");
  if (place.addr.kind === "reg" && place.addr.reg === l.ctxReg) {
    fail("TSB2215", l.span(node), "the context is read-only", "copy the field into a local first");
  }
  return {
    type: place.type,
    read: () => place,
    write: (v, n) => l.storeValue(place.type, place.addr, place.off, v, n),
  };
}

export function assignment(l: FunctionLowerer, node: Node): Value {
  const op = node.operator as string;
  const t = target(l, node.left);
  if (op === "=") {
    // A string read assigned to a string field or local goes straight into it: a temporary
    // would double a 256-byte read on the 512-byte stack.
    const dest = t.type.kind === "str" ? t.read() : undefined;
    if (dest?.kind === "place" && lowerStringInto(l, node.right, dest)) return { kind: "void" };
    const value = lowerExpression(l, node.right, t.type);
    t.write(value, node.right);
    return { kind: "void" };
  }
  const binaryOp = op.slice(0, -1);
  if (!ARITHMETIC[binaryOp]) fail("TSB2202", l.span(node), `'${op}' cannot run in the kernel`);
  const result = binary(l, { type: "BinaryExpression", operator: binaryOp, left: node.left,
    right: node.right, start: node.start, end: node.end }, t.type);
  t.write(result, node);
  return { kind: "void" };
}

export function update(l: FunctionLowerer, node: Node): Value {
  const t = target(l, node.argument);
  if (t.type.kind !== "int") fail("TSB2103", l.span(node), "'++' and '--' need an integer");
  const result = binary(l, { type: "BinaryExpression", operator: node.operator === "++" ? "+" : "-",
    left: node.argument, right: { type: "Literal", value: 1, raw: "1", start: node.start, end: node.end },
    start: node.start, end: node.end }, t.type);
  t.write(result, node);
  return { kind: "void" };
}

