/**
 * readKernel<T>() through a pointer argument of a BTF-typed tracepoint (`rawTracepoint(name,
 * handler, { btf: true })`). There the verifier knows each argument's type (a pointer is
 * PTR_TO_BTF_ID), so loads through it at constant offsets are allowed, and one that faults reads
 * as zero, as bpf_probe_read_kernel's destination does. `readKernel<T>(ctx.arg(n) + OFFSET)` then
 * compiles to one load per integer in T instead of a helper call: in the HTTP probe, which reads
 * a syscall's number and arguments from pt_regs on every syscall of the machine, the helper call
 * was most of the program's cost for the syscalls it ignores.
 *
 * Only the address forms `ctx.arg(n)` and `ctx.arg(n) ± constant` are recognised, and only types
 * made of integers (str fields are read by the helper, as elsewhere); anything else goes through
 * the helper.
 */
import { reg } from "../../ir/ir.ts";
import { type DslType, U64 } from "../dsl_types.ts";
import { identifierName, type Node, unparenthesized } from "../ast.ts";
import { integerConstant } from "../constant_values.ts";
import { lowerExpression } from "./expressions.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import type { Value } from "./values.ts";

/** The value read directly, or undefined when this read cannot be (then the helper reads it). */
export function btfPointerRead(l: FunctionLowerer, type: DslType, address: Node, name: string): Value | undefined {
  if (!l.attachment.btf || name !== "readKernel") return undefined;
  const leaves = integerLeaves(type, 0);
  if (!leaves) return undefined;
  const target = pointerPlusOffset(l, unparenthesized(address));
  if (!target) return undefined;
  const pointer = l.toScalar(lowerExpression(l, target.argument, U64), target.argument, U64);
  const slot = l.tempSlot(type, `${name}()`, false);
  for (const leaf of leaves) {
    const v = l.b.vreg();
    l.b.emit({ op: "load", dst: v, addr: { kind: "reg", reg: pointer.reg }, off: Number(target.offset) + leaf.off,
      size: leaf.size });
    l.b.emit({ op: "store", addr: { kind: "slot", slot }, off: leaf.off, size: leaf.size, src: reg(v) });
  }
  return { kind: "place", type, addr: { kind: "slot", slot }, off: 0, fresh: true };
}

/** `ctx.arg(n)`, `ctx.arg(n) + C`, `C + ctx.arg(n)` or `ctx.arg(n) - C`, with C a constant. */
function pointerPlusOffset(l: FunctionLowerer, node: Node): { argument: Node; offset: bigint } | undefined {
  if (isContextArgument(l, node)) return { argument: node, offset: 0n };
  if (node.type !== "BinaryExpression" || (node.operator !== "+" && node.operator !== "-")) return undefined;
  const left = unparenthesized(node.left);
  const right = unparenthesized(node.right);
  if (isContextArgument(l, left)) {
    const c = constant(l, right);
    if (c === undefined) return undefined;
    return { argument: left, offset: node.operator === "+" ? c : -c };
  }
  if (node.operator === "+" && isContextArgument(l, right)) {
    const c = constant(l, left);
    return c === undefined ? undefined : { argument: right, offset: c };
  }
  return undefined;
}

function isContextArgument(l: FunctionLowerer, node: Node): boolean {
  if (node.type !== "CallExpression") return false;
  const callee = node.callee as Node;
  if (callee.type !== "MemberExpression" || callee.computed || identifierName(callee.property) !== "arg") return false;
  // The handler's context parameter (an alias in scope), not some other object with an arg().
  return (callee.object as Node).type === "Identifier" && lowerExpression(l, callee.object).kind === "ctx";
}

/** A compile-time integer offset (a literal or a top-level constant not shadowed by a local). */
function constant(l: FunctionLowerer, node: Node): bigint | undefined {
  // The operands integerConstant() folds through: any identifier among them must not be a local.
  const shadowed = (n: Node | undefined): boolean => n !== undefined && (n.type === "Identifier"
    ? l.scope.lookup(n.name as string) !== undefined
    : [n.argument, n.expression, n.left, n.right].some((child) => shadowed(child as Node | undefined)));
  if (shadowed(node)) return undefined;
  const value = integerConstant(node, l.module.constants);
  // Offsets into a kernel struct: small and non-negative.
  return value !== undefined && value >= 0n && value < 1n << 16n ? value : undefined;
}

/** Offsets and sizes of the integers that make up `type`, or undefined if it holds a string. */
function integerLeaves(type: DslType, base: number): { off: number; size: 1 | 2 | 4 | 8 }[] | undefined {
  switch (type.kind) {
    case "int": return [{ off: base, size: (type.bits / 8) as 1 | 2 | 4 | 8 }];
    case "bool": return [{ off: base, size: 1 }];
    case "struct": {
      const out: { off: number; size: 1 | 2 | 4 | 8 }[] = [];
      for (const f of type.fields) {
        const inner = integerLeaves(f.type, base + f.offset);
        if (!inner) return undefined;
        out.push(...inner);
      }
      return out;
    }
    case "array": {
      const element = integerLeaves(type.element, 0);
      if (!element) return undefined;
      const size = element.reduce((end, e) => Math.max(end, e.off + e.size), 0);
      return Array.from({ length: type.length }, (_, i) => element.map((e) => ({ ...e, off: base + i * size + e.off }))).flat();
    }
    case "str": case "void": return undefined;
  }
}
