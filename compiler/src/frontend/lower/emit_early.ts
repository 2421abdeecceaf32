/**
 * Which fields of a record written in place (emit_record.ts) are evaluated before the ring
 * buffer reservation. A scalar read from the context (`ctx.fd`, `u32(ctx.arg(0))`) is loaded
 * early when nothing evaluated after the reservation needs the context: then the context pointer
 * need not be kept in a callee-saved register across the reserve call (one move fewer), and each
 * early value is loaded straight into the register that carries it across. In every other case
 * loading before or after costs the same, so fields keep their place after the reservation.
 * Reordering is safe: context reads have no effects and see the same bytes at any time.
 */
import { identifierName, isNode, type Node } from "../ast.ts";
import { INT_TYPES, type StructType } from "../dsl_types.ts";
import { lowerExpression } from "./expressions.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import type { Value } from "./values.ts";

/** Each early value holds one of r6–r9 across the reserve call, as the record pointer may after it. */
const MAX_EARLY = 2;
/** Helpers that read the context register themselves. */
const CONTEXT_HELPERS: ReadonlySet<string> = new Set(["cookie", "kstack", "ustack"]);

/** Lowers the literal's early fields now; returns their values by member node. */
export function evaluateEarly(l: FunctionLowerer, literal: Node, record: StructType): Map<Node, Value> {
  const early: { member: Node; type: Extract<Value, { kind: "scalar" }>["type"] }[] = [];
  const late: Node[] = [];
  for (const member of literal.properties as Node[]) {
    const type = record.fields.find((f) => f.name === identifierName(member.key))?.type;
    if ((type?.kind === "int" || type?.kind === "bool") && readsContextOnly(l, member.value)) {
      early.push({ member, type });
    } else late.push(member.value);
  }
  const values = new Map<Node, Value>();
  if (early.length === 0 || early.length > MAX_EARLY || late.some((n) => usesContext(l, n))) return values;
  for (const { member, type } of early) {
    l.at(member.value);
    const node = withoutWideConversion(l, member.value, type.kind === "int" ? type.bits : 8);
    const s = l.toScalar(lowerExpression(l, node, node === member.value ? type : undefined), node, type);
    values.set(member, { kind: "scalar", type: s.type, reg: s.reg });
  }
  return values;
}

/**
 * `u32(x)` stored into a field of 32 bits or fewer stores x's low bits: the conversion is left
 * to the store, after the reservation, where it costs nothing (narrow_alu.ts drops a truncation
 * that only a narrow store reads, within a block), instead of a move before it.
 */
function withoutWideConversion(l: FunctionLowerer, node: Node, fieldBits: number): Node {
  if (node.type !== "CallExpression" || (node.arguments as Node[]).length !== 1) return node;
  const name = identifierName(node.callee);
  const dsl = name && !l.scope.lookup(name) ? l.module.imports.get(name) : undefined;
  const type = dsl ? INT_TYPES[dsl] : undefined;
  return type && type.bits >= fieldBits ? node.arguments[0] as Node : node;
}

function isContext(l: FunctionLowerer, node: Node): boolean {
  const local = node.type === "Identifier" ? l.scope.lookup(node.name) : undefined;
  return local?.kind === "alias" && local.value.kind === "ctx";
}

/** A context read combined only with constants, locals, operators and integer conversions. */
function readsContextOnly(l: FunctionLowerer, node: Node): boolean {
  let reads = false;
  const pure = (n: Node): boolean => {
    switch (n.type) {
      case "Literal": return true;
      case "Identifier":
        if (isContext(l, n)) reads = true;
        return true;
      case "ParenthesizedExpression": case "TSAsExpression": case "TSNonNullExpression":
        return pure(n.expression);
      case "UnaryExpression": return pure(n.argument);
      case "BinaryExpression": case "LogicalExpression": return pure(n.left) && pure(n.right);
      case "ConditionalExpression": return pure(n.test) && pure(n.consequent) && pure(n.alternate);
      case "MemberExpression": return pure(n.object) && (!n.computed || pure(n.property));
      case "CallExpression": {
        const callee = n.callee as Node;
        const args = n.arguments as Node[];
        if (callee.type === "MemberExpression" && !callee.computed && isContext(l, callee.object) &&
          ["arg", "ret"].includes(identifierName(callee.property) ?? "")) {
          reads = true;
          return args.every(pure);
        }
        const name = identifierName(callee);
        const dsl = name && !l.scope.lookup(name) ? l.module.imports.get(name) : undefined;
        return dsl !== undefined && INT_TYPES[dsl] !== undefined && args.every(pure);
      }
      default: return false;
    }
  };
  return pure(node) && reads;
}

/** Whether lowering `node` may read the context (conservatively: any mention of it). */
function usesContext(l: FunctionLowerer, node: Node): boolean {
  if (isContext(l, node)) return true;
  if (node.type === "CallExpression") {
    const name = identifierName(node.callee);
    const dsl = name && !l.scope.lookup(name) ? l.module.imports.get(name) : undefined;
    if (dsl && CONTEXT_HELPERS.has(dsl)) return true;
  }
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) if (isNode(child) && usesContext(l, child)) return true;
  }
  return false;
}
