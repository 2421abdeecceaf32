/**
 * Struct and array literals, laid out in a zeroed stack slot of the type the context expects
 * (an annotation, a map's key or value, a record): every field must be given, missing array
 * elements are zero. A literal can also be written straight into other memory (a ring buffer
 * record reserved for it, see emit_record.ts): then its padding and missing elements are
 * zeroed explicitly, since that memory holds old bytes, and nested literals are written in
 * place too.
 */
import { fail } from "../../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "../ast.ts";
import { type DslType, sizeOf, type StructType, typeName } from "../dsl_types.ts";
import { lowerExpression } from "./expressions.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import { lowerStringInto, type Place } from "./strings.ts";
import type { Value } from "./values.ts";

type ArrayType = Extract<DslType, { kind: "array" }>;

export function structLiteral(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  if (!expected || expected.kind !== "struct") {
    fail("TSB2210", l.span(node), "an object literal needs a struct type here",
      "annotate the variable (const e: Event = { … }) or pass it where a struct is expected");
  }
  const slot = l.tempSlot(expected, `struct ${expected.name}`);
  const dest: Place = { kind: "place", type: expected, addr: { kind: "slot", slot }, off: 0 };
  writeStructLiteral(l, node, expected, dest, true);
  return { ...dest, fresh: true };
}

/**
 * Writes the struct literal `node` at `dest`. `zeroed` memory (a fresh stack slot) needs only
 * the fields; any other memory also gets its padding zeroed. Members in `evaluated` were
 * lowered beforehand (by the caller, before it had `dest`): their values are just stored.
 */
export function writeStructLiteral(l: FunctionLowerer, node: Node, type: StructType, dest: Place,
  zeroed: boolean, evaluated?: ReadonlyMap<Node, Value>): void {
  const seen = new Set<string>();
  for (const p of node.properties as Node[]) {
    const name = p.type === "Property" ? identifierName(p.key) : undefined;
    if (!name || p.computed) fail("TSB2211", l.span(p), "struct literal members must be plain fields");
    const field = type.fields.find((f) => f.name === name);
    if (!field) {
      fail("TSB2206", l.span(p.key), `${type.name} has no field '${name}'`,
        `its fields are: ${type.fields.map((f) => f.name).join(", ")}`);
    }
    seen.add(name);
    // Strings are read straight into the field: no temporary on the 512-byte stack.
    const into: Place = { kind: "place", type: field.type, addr: dest.addr, off: dest.off + field.offset };
    const early = evaluated?.get(p);
    if (early) {
      l.storeValue(field.type, dest.addr, into.off, early, p.value);
      continue;
    }
    if (!p.shorthand && lowerStringInto(l, p.value, into)) continue;
    if (!zeroed && !p.shorthand && writeNestedLiteral(l, p.value, into)) continue;
    const value = lowerExpression(l, p.shorthand ? p.key : p.value, field.type);
    l.storeValue(field.type, dest.addr, into.off, value, p.value);
    if (!zeroed) zeroShortString(l, into, value);
  }
  const missing = type.fields.filter((f) => !seen.has(f.name)).map((f) => f.name);
  if (missing.length) {
    fail("TSB2212", l.span(node), `missing field${missing.length > 1 ? "s" : ""} ${missing.join(", ")} ` +
      `of ${type.name}`, "kernel records have every field; set them all");
  }
  if (!zeroed) zeroPadding(l, type, dest);
}

/** `[a, b, c]` where an Arr<T, N> is expected: up to N elements, the rest zero (as in C). */
export function arrayLiteral(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  if (!expected || expected.kind !== "array") {
    fail("TSB2216", l.span(node), "an array literal needs an Arr<T, N> type here",
      "annotate the variable or field: const a: Arr<u32, 4> = [1, 2, 3, 4]");
  }
  const slot = l.tempSlot(expected, `array ${typeName(expected)}`);
  const dest: Place = { kind: "place", type: expected, addr: { kind: "slot", slot }, off: 0 };
  writeArrayLiteral(l, node, expected, dest, true);
  return { ...dest, fresh: true };
}

/** Writes the array literal `node` at `dest`; memory not `zeroed` gets its missing elements zeroed. */
function writeArrayLiteral(l: FunctionLowerer, node: Node, type: ArrayType, dest: Place,
  zeroed: boolean): void {
  const elements = node.elements as (Node | null)[];
  if (elements.length > type.length) {
    fail("TSB2216", l.span(node), `${elements.length} elements do not fit ${typeName(type)}`,
      `give at most ${type.length}; missing ones are zero`);
  }
  const size = sizeOf(type.element);
  elements.forEach((e, i) => {
    if (!e || e.type === "SpreadElement") {
      fail("TSB2216", l.span(e ?? node), "array literal elements must be plain values",
        "write every element; holes and '...' have no fixed layout");
    }
    const into: Place = { kind: "place", type: type.element, addr: dest.addr, off: dest.off + i * size };
    if (!zeroed && (lowerStringInto(l, e, into) || writeNestedLiteral(l, e, into))) return;
    const value = lowerExpression(l, e, type.element);
    l.storeValue(type.element, dest.addr, into.off, value, e);
    if (!zeroed) zeroShortString(l, into, value);
  });
  const given = elements.length * size;
  if (!zeroed) l.zeroBytes(dest.addr, dest.off + given, type.length * size - given);
}

/** A struct or array literal written in place at `into` (memory not zeroed); false for anything else. */
function writeNestedLiteral(l: FunctionLowerer, node: Node, into: Place): boolean {
  if (node.type === "ParenthesizedExpression") return writeNestedLiteral(l, node.expression, into);
  if (node.type === "ObjectExpression" && into.type.kind === "struct") {
    writeStructLiteral(l, node, into.type, into, false);
    return true;
  }
  if (node.type === "ArrayExpression" && into.type.kind === "array") {
    writeArrayLiteral(l, node, into.type, into, false);
    return true;
  }
  return false;
}

/** A shorter string copied into a str field fills only its own capacity: zero the rest. */
function zeroShortString(l: FunctionLowerer, into: Place, value: Value): void {
  if (into.type.kind !== "str" || (value.kind !== "place" && value.kind !== "maybe")) return;
  const copied = Math.min(sizeOf(into.type), sizeOf(value.type));
  l.zeroBytes(into.addr, into.off + copied, sizeOf(into.type) - copied);
}

/** Zeroes the bytes of `type` at `dest` that no field covers (alignment padding). */
function zeroPadding(l: FunctionLowerer, type: StructType, dest: Place): void {
  let covered = 0;
  for (const f of [...type.fields].sort((a, b) => a.offset - b.offset)) {
    if (f.offset > covered) l.zeroBytes(dest.addr, dest.off + covered, f.offset - covered);
    covered = Math.max(covered, f.offset + sizeOf(f.type));
  }
  if (type.size > covered) l.zeroBytes(dest.addr, dest.off + covered, type.size - covered);
}
