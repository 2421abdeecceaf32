/**
 * Expressions: literals, names, arithmetic with the DSL's integer semantics, comparisons and
 * logic (as values; `conditions.ts` lowers them as branches), and member access on structs and
 * the context. Struct and array literals (`literals.ts`), assignments (`assignments.ts`) and
 * calls (`calls.ts`) have their own modules.
 */
import { imm, reg } from "../../ir/ir.ts";
import { fail } from "../../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "../ast.ts";
import { BOOL, type DslType, I64, type IntType, sizeOf, type StructType, typeName } from "../dsl_types.ts";
import { integerValue, isIntegerLiteral } from "../constant_values.ts";
import { lowerCall } from "./calls.ts";
import { assignment, update } from "./assignments.ts";
import { arrayLiteral, structLiteral } from "./literals.ts";
import { lowerConditionValue } from "./conditions.ts";
import { ARITHMETIC, aluFor, commonIntType, COMPARISONS, foldAlu, mayOverflow,
  normalize, wrapConstant } from "./integers.ts";
import { contextField } from "./context_access.ts";
import { javascriptGlobalHint } from "./js_globals.ts";
import { article, type FunctionLowerer, type ScalarType } from "./lowerer.ts";
import type { Value } from "./values.ts";

/** Lowers an expression; `expected` guides literals and struct literals. */
export function lowerExpression(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  l.at(node);
  switch (node.type) {
    case "ParenthesizedExpression":
    case "TSNonNullExpression": {
      const value = lowerExpression(l, node.expression, expected);
      // `m.get(k)!` satisfies TypeScript but not the verifier, which needs a real null check.
      if (value.kind === "maybe" && !(value.local && l.scope.isChecked(value.local))) {
        fail("TSB2104", l.span(node), "'!' does not check a map lookup: it may still be undefined",
          "keep the lookup in a const and test it: if (v !== undefined) { … }");
      }
      return value;
    }
    case "TSAsExpression":
    case "TSSatisfiesExpression": {
      const target = l.types.resolve(node.typeAnnotation);
      return castTo(l, lowerExpression(l, node.expression, target), target, node);
    }
    case "Literal":
      return literal(l, node);
    case "Identifier":
      return identifier(l, node);
    case "UnaryExpression":
      return unary(l, node, expected);
    case "BinaryExpression":
      return binary(l, node, expected);
    case "LogicalExpression":
      return lowerConditionValue(l, node);
    case "ConditionalExpression":
      return conditional(l, node, expected);
    case "MemberExpression":
      return member(l, node, expected);
    case "ObjectExpression":
      return structLiteral(l, node, expected);
    case "ArrayExpression":
      return arrayLiteral(l, node, expected);
    case "AssignmentExpression":
      return assignment(l, node);
    case "UpdateExpression":
      return update(l, node);
    case "CallExpression":
      return lowerCall(l, node, expected);
    case "ChainExpression":
      fail("TSB2201", l.span(node), "optional chaining ('?.') is not supported in kernel code",
        "check for undefined with an if statement first");
  }
  fail("TSB2202", l.span(node), `${describeNode(node)} cannot run in the kernel`,
    node.type === "NewExpression"
      ? "declare maps at the top level of the probe; kernel code cannot allocate objects"
      : "kernel handlers take integers, structs, maps and the helpers from @ts-bpf/probes");
}

function describeNode(node: Node): string {
  switch (node.type) {
    case "ArrowFunctionExpression": case "FunctionExpression": return "a closure";
    case "TemplateLiteral": return "a template string";
    case "ArrayExpression": return "an array literal";
    case "NewExpression": return "'new' (allocation)";
    case "AwaitExpression": return "'await'";
    case "ThisExpression": return "'this'";
    default: return `this ${node.type.replace(/Expression$/, " expression").toLowerCase()}`;
  }
}

function literal(l: FunctionLowerer, node: Node): Value {
  if (typeof node.value === "boolean") return { kind: "const", type: BOOL as ScalarType, value: node.value ? 1n : 0n };
  if (isIntegerLiteral(node)) {
    const value = integerValue(node);
    if (typeof node.bigint === "string") {
      if (value > 0xffffffffffffffffn) {
        fail("TSB2101", l.span(node), `${value} does not fit in 64 bits`,
          "the largest u64 is 0xffffffffffffffffn");
      }
      return { kind: "const", value };
    }
    return { kind: "const", value };
  }
  if (typeof node.value === "number") {
    fail("TSB2001", l.span(node), "floating-point numbers cannot run in the kernel",
      "use integers: scale the value (e.g. milliseconds → nanoseconds as u64)");
  }
  if (typeof node.value === "string") {
    fail("TSB2002", l.span(node), "a string value cannot be used here in kernel code",
      "strings in the kernel are fixed-size fields (str<N>) read with readUserStr/comm()");
  }
  if (node.value === null) {
    fail("TSB2202", l.span(node), "null has no meaning in kernel code", "use undefined checks on map lookups");
  }
  fail("TSB2202", l.span(node), "this literal cannot run in the kernel");
}

function identifier(l: FunctionLowerer, node: Node): Value {
  const name = node.name as string;
  if (name === "undefined") return { kind: "undefined" };
  const local = l.scope.lookup(name);
  if (local) {
    switch (local.kind) {
      case "reg": return { kind: "scalar", type: local.type, reg: local.reg };
      case "const": return local.value;
      case "place": return { kind: "place", type: local.type, addr: { kind: "slot", slot: local.slot }, off: 0 };
      case "maybe": return { kind: "maybe", type: local.type, ptr: local.ptr, local: name };
      // An alias (an inlined function's parameter) shares its argument's memory: not fresh.
      case "alias": return local.value.kind === "place" && local.value.fresh
        ? { ...local.value, fresh: false } : local.value;
    }
  }
  const constant = l.module.constants.get(name);
  if (constant !== undefined) return { kind: "const", value: constant };
  const map = l.module.maps.get(name);
  if (map) return { kind: "map", decl: map };
  if (l.module.functions.has(name)) {
    fail("TSB2203", l.span(node), `function '${name}' can only be called in kernel code`,
      "kernel code has no function values");
  }
  const library = javascriptGlobalHint(name);
  if (library) {
    fail("TSB2204", l.span(node), `'${name}' is JavaScript's library: it does not run in the kernel`,
      library);
  }
  if (l.module.imports.has(name)) {
    fail("TSB2204", l.span(node), `'${name}' from @ts-bpf/probes is not a value in kernel code`,
      `helpers and conversions are called where they are used: ${name}(…)`);
  }
  if (l.module.userspace.has(name)) {
    fail("TSB2204", l.span(node), `'${name}' is a userspace variable: kernel code cannot see it`,
      "share state with the kernel through a map (HashMap, ArrayMap), or make it a top-level " +
      "integer const");
  }
  fail("TSB2204", l.span(node), `'${name}' is not available in kernel code`,
    "handlers may use their parameters and locals, top-level integer constants, maps, and " +
    "functions declared in the probe; userspace values are not visible to the kernel");
}

function castTo(l: FunctionLowerer, value: Value, target: DslType, node: Node): Value {
  if (target.kind !== "int") return value;
  if (value.kind === "const") return { kind: "const", type: target, value: wrapConstant(value.value, target) };
  const s = l.toScalar(value, node, target);
  return { kind: "scalar", type: target, reg: l.convert(s, target) };
}

function unary(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  const op = node.operator as string;
  if (op === "!") return lowerConditionValue(l, node);
  if (op === "+") return lowerExpression(l, node.argument, expected);
  if (op === "typeof" || op === "void" || op === "delete") {
    fail("TSB2202", l.span(node), `'${op}' cannot run in the kernel`);
  }
  const value = lowerExpression(l, node.argument, expected);
  if (value.kind === "const") {
    const v = op === "-" ? -value.value : ~value.value;
    return { kind: "const", type: value.type, value: value.type?.kind === "int" ? wrapConstant(v, value.type) : v };
  }
  const s = l.toScalar(value, node.argument);
  if (s.type.kind !== "int") fail("TSB2103", l.span(node), `'${op}' needs an integer`);
  const r = l.b.vreg();
  if (op === "-") l.b.emit({ op: "neg", dst: r, a: s.reg, width: 64 });
  else l.b.emit({ op: "alu", alu: "xor", dst: r, a: s.reg, b: imm(-1), width: 64 });
  normalize(l.b, r, s.type);
  return { kind: "scalar", type: s.type, reg: r };
}

/** The common type of two operands, adapting untyped literals to the typed side. */
export function operandType(l: FunctionLowerer, a: Value, b: Value, node: Node,
  expected?: DslType): IntType | undefined {
  const typeOf = (v: Value): ScalarType | undefined => {
    switch (v.kind) {
      case "const": return v.type;
      case "scalar": return v.type;
      case "place": case "maybe":
        if (v.type.kind === "int" || v.type.kind === "bool") return v.type as ScalarType;
        fail("TSB2103", l.span(node), `expected an integer, found ${article(typeName(v.type))}`);
      default:
        fail("TSB2103", l.span(node), `expected an integer, found ${l.describe(v)}`);
    }
  };
  const ta = typeOf(a);
  const tb = typeOf(b);
  const asInt = (t: ScalarType | undefined) => t?.kind === "bool" ? undefined : t;
  if (ta && tb) {
    if (ta.kind === "bool" || tb.kind === "bool") {
      fail("TSB2106", l.span(node), "arithmetic on bool values", "use an integer type");
    }
    return commonIntType(ta, tb, l.span(node));
  }
  return asInt(ta) ?? asInt(tb) ?? (expected?.kind === "int" ? expected : undefined);
}

export function binary(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  const op = node.operator as string;
  if (COMPARISONS[op]) return lowerConditionValue(l, node);
  if (!ARITHMETIC[op]) {
    fail("TSB2202", l.span(node), `the '${op}' operator cannot run in the kernel`,
      op === "**" ? "write repeated multiplication" : op === "in" || op === "instanceof"
        ? "kernel values have no properties to test" : undefined);
  }
  const a = lowerExpression(l, node.left, expected);
  const b = lowerExpression(l, node.right, expected);
  let type = operandType(l, a, b, node, expected);
  if (op === ">>>" && type?.signed) {
    fail("TSB2107", l.span(node), "'>>>' on a signed type", "use '>>' (arithmetic for signed " +
      "types, logical for unsigned), or convert to an unsigned type first");
  }
  if (a.kind === "const" && b.kind === "const") {
    // Untyped literals fold as exact signed integers (-7 / 2 is -3, not a huge unsigned
    // quotient); the result is range-checked when it meets a type.
    const alu = aluFor(op, type ?? I64);
    return { kind: "const", type, value: foldAlu(alu, a.value, b.value, type) };
  }
  if (!type) throw new Error("tsbpf compiler bug: a non-constant operand without a type");
  const alu = aluFor(op, type);
  const sa = l.toScalar(a, node.left, type);
  const ra = sa.type.kind === "int" && (sa.type.bits !== type.bits || sa.type.signed !== type.signed)
    ? l.convert(sa, type) : sa.reg;
  const r = l.b.vreg();
  const shift = alu === "lsh" || alu === "rsh" || alu === "arsh";
  if (b.kind === "const") {
    let bv = wrapConstant(b.value, type);
    if (shift) bv &= BigInt(type.bits <= 32 ? 31 : 63);
    // The verifier refuses a division by the constant 0 ("div by zero"), so the language's
    // x / 0 = 0 and x % 0 = x are written out here (found by the differential test).
    if (bv === 0n && (alu === "div" || alu === "sdiv")) {
      l.b.emit({ op: "mov", dst: r, src: imm(0), width: 64 });
      return { kind: "scalar", type, reg: r };
    }
    if (bv === 0n && (alu === "mod" || alu === "smod")) {
      l.b.emit({ op: "mov", dst: r, src: reg(ra), width: 64 });
      return { kind: "scalar", type, reg: r };
    }
    l.b.emit({ op: "alu", alu, dst: r, a: ra, b: imm(bv), width: 64 });
  } else {
    const sb = l.toScalar(b, node.right, type);
    let rb = sb.type.kind === "int" && (sb.type.bits !== type.bits || sb.type.signed !== type.signed)
      ? l.convert(sb, type) : sb.reg;
    if (shift) {
      const masked = l.b.vreg();
      l.b.emit({ op: "alu", alu: "and", dst: masked, a: rb, b: imm(type.bits <= 32 ? 31 : 63), width: 64 });
      rb = masked;
    }
    l.b.emit({ op: "alu", alu, dst: r, a: ra, b: reg(rb), width: 64 });
  }
  // Canonical operands make 64-bit arithmetic exact; only results that can leave the type's
  // range are brought back.
  if (mayOverflow(alu)) normalize(l.b, r, type);
  return { kind: "scalar", type, reg: r };
}

function conditional(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  return lowerConditionValue(l, node, expected);
}

function member(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  if (node.computed) return indexed(l, node);
  const name = identifierName(node.property);
  if (!name) fail("TSB2205", l.span(node.property), "this member access cannot run in the kernel");
  const object = lowerExpression(l, node.object);
  if (object.kind === "ctx") return contextField(l, name, node, expected);
  const base = object.kind === "maybe" ? l.deref(object, node.object) : object;
  if (base.kind !== "place" || base.type.kind !== "struct") {
    fail("TSB2205", l.span(node), `'${name}' is not a field of ${l.describe(object)}`);
  }
  const field = (base.type as StructType).fields.find((f) => f.name === name);
  if (!field) {
    fail("TSB2206", l.span(node.property), `${typeName(base.type)} has no field '${name}'`,
      `its fields are: ${(base.type as StructType).fields.map((f) => f.name).join(", ")}`);
  }
  return { kind: "place", type: field.type, addr: base.addr, off: base.off + field.offset };
}

function indexed(l: FunctionLowerer, node: Node): Value {
  const object = lowerExpression(l, node.object);
  const base = object.kind === "maybe" ? l.deref(object, node.object) : object;
  if (base.kind === "place" && base.type.kind === "struct") {
    const key = node.property.type === "Literal" && typeof node.property.value === "string"
      ? node.property.value as string : undefined;
    fail("TSB2207", l.span(node), "computed property names cannot run in the kernel",
      key ? `write the field by name: .${key}` : "kernel structs have fixed fields: read them by name");
  }
  if (base.kind !== "place" || (base.type.kind !== "array" && base.type.kind !== "str")) {
    fail("TSB2207", l.span(node), `${l.describe(object)} cannot be indexed`);
  }
  const index = lowerExpression(l, node.property);
  const length = base.type.kind === "array" ? base.type.length : base.type.capacity;
  const element: DslType = base.type.kind === "array" ? base.type.element
    : { kind: "int", bits: 8, signed: false, name: "u8" };
  if (index.kind !== "const") {
    fail("TSB2208", l.span(node.property), "array indexes in kernel code must be constants",
      "the verifier must see that every access is in bounds: use a constant index, or a " +
      "switch over the indexes you need");
  }
  if (index.value < 0n || index.value >= BigInt(length)) {
    fail("TSB2209", l.span(node.property), `index ${index.value} is out of bounds (length ${length})`,
      `valid indexes are 0 … ${length - 1}`);
  }
  return { kind: "place", type: element, addr: base.addr, off: base.off + Number(index.value) * sizeOf(element) };
}
