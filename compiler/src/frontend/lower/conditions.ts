/**
 * Conditions as branches: comparisons, `!`, `&&` and `||` with short-circuit, truthiness of
 * integers and of map lookups (which is the null check the verifier needs: the checked local
 * is marked non-null on the branch where it is). Also their value form (0 or 1) and `?:`.
 */
import { imm, reg } from "../../ir/ir.ts";
import { fail } from "../../diagnostics/diagnostic.ts";
import type { Node } from "../ast.ts";
import { BOOL, type DslType, U8 } from "../dsl_types.ts";
import { lowerExpression, operandType } from "./expressions.ts";
import { COMPARISONS, foldCompare, wrapConstant } from "./integers.ts";
import type { FunctionLowerer, ScalarType } from "./lowerer.ts";
import type { Value } from "./values.ts";

/** Facts learned on each branch: map-lookup locals known to be non-null. */
export interface Narrowing {
  whenTrue: string[];
  whenFalse: string[];
}

/** Lowers `node` as a branch to `then` or `otherwise`; returns what each branch learns. */
export function lowerCondition(l: FunctionLowerer, node: Node, then: string, otherwise: string):
  Narrowing {
  l.at(node);
  switch (node.type) {
    case "ParenthesizedExpression":
      return lowerCondition(l, node.expression, then, otherwise);
    case "UnaryExpression":
      if (node.operator === "!") {
        const inner = lowerCondition(l, node.argument, otherwise, then);
        return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
      }
      break;
    case "LogicalExpression": {
      const middle = l.b.label(node.operator === "&&" ? "and" : "or");
      if (node.operator === "&&") {
        const left = lowerCondition(l, node.left, middle, otherwise);
        l.b.startBlock(middle);
        l.pushScope();
        left.whenTrue.forEach((n) => l.scope.checked.add(n));
        const right = lowerCondition(l, node.right, then, otherwise);
        l.popScope();
        return { whenTrue: [...left.whenTrue, ...right.whenTrue], whenFalse: [] };
      }
      if (node.operator === "||") {
        const left = lowerCondition(l, node.left, then, middle);
        l.b.startBlock(middle);
        l.pushScope();
        left.whenFalse.forEach((n) => l.scope.checked.add(n));
        const right = lowerCondition(l, node.right, then, otherwise);
        l.popScope();
        return { whenTrue: [], whenFalse: [...left.whenFalse, ...right.whenFalse] };
      }
      fail("TSB2202", l.span(node), "'??' cannot run in the kernel", "check for undefined with if");
      break;
    }
    case "BinaryExpression":
      if (COMPARISONS[node.operator]) return comparison(l, node, then, otherwise);
      break;
  }
  return truthiness(l, node, lowerExpression(l, node), then, otherwise);
}

function truthiness(l: FunctionLowerer, node: Node, value: Value, then: string, otherwise: string):
  Narrowing {
  if (value.kind === "const") {
    l.b.terminate({ op: "br", target: value.value !== 0n ? then : otherwise });
    return { whenTrue: [], whenFalse: [] };
  }
  if (value.kind === "maybe") {
    l.b.terminate({ op: "cbr", cmp: "ne", a: value.ptr, b: imm(0), width: 64, then, else: otherwise });
    return { whenTrue: value.local ? [value.local] : [], whenFalse: [] };
  }
  const s = l.toScalar(value, node);
  l.b.terminate({ op: "cbr", cmp: "ne", a: s.reg, b: imm(0), width: 64, then, else: otherwise });
  return { whenTrue: [], whenFalse: [] };
}

function comparison(l: FunctionLowerer, node: Node, then: string, otherwise: string): Narrowing {
  const [unsignedCmp, signedCmp] = COMPARISONS[node.operator]!;
  const a = lowerExpression(l, node.left);
  const b = lowerExpression(l, node.right);
  // x !== undefined / x === undefined on a map lookup: the null check.
  if (a.kind === "undefined" || b.kind === "undefined") {
    const other = a.kind === "undefined" ? b : a;
    if (other.kind !== "maybe") {
      fail("TSB2108", l.span(node), "only map lookups can be compared with undefined");
    }
    if (unsignedCmp !== "eq" && unsignedCmp !== "ne") {
      fail("TSB2108", l.span(node), "undefined can only be tested with === or !==");
    }
    const isNull = unsignedCmp === "eq";
    l.b.terminate({ op: "cbr", cmp: "ne", a: other.ptr, b: imm(0), width: 64,
      then: isNull ? otherwise : then, else: isNull ? then : otherwise });
    const checked = other.local ? [other.local] : [];
    return isNull ? { whenTrue: [], whenFalse: checked } : { whenTrue: checked, whenFalse: [] };
  }
  const type = comparedBools(l, node, a, b, unsignedCmp) ? U8 : operandType(l, a, b, node);
  const cmp = type?.signed ? signedCmp : unsignedCmp;
  if (a.kind === "const" && b.kind === "const") {
    const norm = (v: bigint) => (type ? wrapConstant(v, type) : v);
    l.b.terminate({ op: "br", target: foldCompare(cmp, norm(a.value), norm(b.value)) ? then : otherwise });
    return { whenTrue: [], whenFalse: [] };
  }
  const expected = type as ScalarType | undefined;
  const left = a.kind === "const" ? b : a;
  const right = a.kind === "const" ? a : b;
  const flipped = a.kind === "const";
  const sa = l.toScalar(left, flipped ? node.right : node.left, expected);
  const ra = type && sa.type.kind === "int" && (sa.type.bits !== type.bits || sa.type.signed !== type.signed)
    ? l.convert(sa, type) : sa.reg;
  let operand;
  if (right.kind === "const") {
    operand = imm(type ? wrapConstant(right.value, type) : right.value);
  } else {
    const sb = l.toScalar(right, flipped ? node.left : node.right, expected);
    operand = reg(type && sb.type.kind === "int" && (sb.type.bits !== type.bits ||
      sb.type.signed !== type.signed) ? l.convert(sb, type) : sb.reg);
  }
  l.b.terminate({ op: "cbr", cmp: flipped ? swap(cmp) : cmp, a: ra, b: operand, width: 64, then,
    else: otherwise });
  return { whenTrue: [], whenFalse: [] };
}

/**
 * Whether `a` and `b` are bools compared with === or !== (compared as bytes, 0 or 1). Structs,
 * strings and arrays are refused here with a message about comparing, and so are a bool
 * against an integer and bools ordered with < or >.
 */
function comparedBools(l: FunctionLowerer, node: Node, a: Value, b: Value, cmp: string): boolean {
  const kindOf = (v: Value) => v.kind === "const" || v.kind === "scalar" || v.kind === "place" ||
    v.kind === "maybe" ? v.type?.kind : undefined;
  for (const v of [a, b]) {
    const kind = kindOf(v);
    if (kind === "struct" || kind === "array" || kind === "str") {
      fail("TSB2103", l.span(node), `${l.describe(v)} cannot be compared: only integers and bools can`,
        kind === "struct" ? "compare the fields one by one" : "compare the elements one by one");
    }
  }
  const [ka, kb] = [kindOf(a), kindOf(b)];
  if (ka !== "bool" && kb !== "bool") return false;
  if (ka !== kb) {
    fail("TSB2106", l.span(node), "this compares a bool with an integer",
      "compare bools with bools (flag === true), or use the bool as a condition");
  }
  if (cmp !== "eq" && cmp !== "ne") {
    fail("TSB2106", l.span(node), `bools have no order: '${node.operator}' cannot compare them`,
      "use === or !==");
  }
  return true;
}

const SWAP = { eq: "eq", ne: "ne", gt: "lt", ge: "le", lt: "gt", le: "ge", sgt: "slt", sge: "sle",
  slt: "sgt", sle: "sge" } as const;
function swap<K extends keyof typeof SWAP>(cmp: K): (typeof SWAP)[K] {
  return SWAP[cmp];
}

/** A condition or `?:` as a value: a bool (0/1), or the chosen operand. */
export function lowerConditionValue(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  const done = l.b.label("cond.end");
  const yes = l.b.label("cond.true");
  const no = l.b.label("cond.false");
  const result = l.b.vreg();
  if (node.type === "ConditionalExpression") {
    const narrowing = lowerCondition(l, node.test, yes, no);
    l.b.startBlock(yes);
    l.pushScope();
    narrowing.whenTrue.forEach((n) => l.scope.checked.add(n));
    const a = lowerExpression(l, node.consequent, expected);
    // An untyped literal takes the other branch's type (`x > 10 ? 10 : x` with x a u32): it
    // emits no code, so it is materialised in a block of its own once that type is known.
    const deferred = a.kind === "const" && !a.type && expected?.kind !== "int" ? a : undefined;
    const literalBlock = deferred ? l.b.label("cond.literal") : undefined;
    let sa: { reg: number; type: ScalarType } | undefined;
    if (literalBlock) {
      l.popScope();
      l.b.terminate({ op: "br", target: literalBlock });
    } else {
      const type = a.kind === "const" && !a.type && expected?.kind === "int" ? expected : undefined;
      sa = l.toScalar(a, node.consequent, type);
      l.b.emit({ op: "mov", dst: result, src: reg(sa.reg), width: 64 });
      l.popScope();
      l.b.terminate({ op: "br", target: done });
    }
    l.b.startBlock(no);
    l.pushScope();
    narrowing.whenFalse.forEach((n) => l.scope.checked.add(n));
    const b = lowerExpression(l, node.alternate, expected);
    const sb = l.toScalar(b, node.alternate, sa?.type);
    if (literalBlock) {
      l.b.emit({ op: "mov", dst: result, src: reg(sb.reg), width: 64 });
      l.popScope();
      l.b.terminate({ op: "br", target: done });
      l.b.startBlock(literalBlock);
      l.at(node.consequent);
      sa = l.toScalar(deferred!, node.consequent, sb.type);
      l.b.emit({ op: "mov", dst: result, src: reg(sa.reg), width: 64 });
      l.b.startBlock(done);
      return { kind: "scalar", type: sa.type, reg: result };
    }
    sa = sa!;
    if (sb.type.kind !== sa.type.kind || (sa.type.kind === "int" && sb.type.kind === "int" &&
      (sa.type.bits !== sb.type.bits || sa.type.signed !== sb.type.signed))) {
      fail("TSB2109", l.span(node), "both branches of '?:' must have the same type",
        "convert one of them explicitly");
    }
    l.b.emit({ op: "mov", dst: result, src: reg(sb.reg), width: 64 });
    l.popScope();
    l.b.startBlock(done);
    return { kind: "scalar", type: sa.type, reg: result };
  }
  lowerCondition(l, node, yes, no);
  l.b.startBlock(yes);
  l.b.emit({ op: "mov", dst: result, src: imm(1), width: 64 });
  l.b.terminate({ op: "br", target: done });
  l.b.startBlock(no);
  l.b.emit({ op: "mov", dst: result, src: imm(0), width: 64 });
  l.b.startBlock(done);
  return { kind: "scalar", type: BOOL as ScalarType, reg: result };
}

