/**
 * Struct and array literals, laid out in a zeroed stack slot of the type the context expects
 * (an annotation, a map's key or value, a record): every field must be given, missing array
 * elements are zero.
 */
import { fail } from "../../diagnostics/diagnostic.ts";
import { identifierName, type Node } from "../ast.ts";
import { type DslType, sizeOf, typeName } from "../dsl_types.ts";
import { lowerExpression } from "./expressions.ts";
import type { FunctionLowerer } from "./lowerer.ts";
import { lowerStringInto } from "./strings.ts";
import type { Value } from "./values.ts";

export function structLiteral(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  if (!expected || expected.kind !== "struct") {
    fail("TSB2210", l.span(node), "an object literal needs a struct type here",
      "annotate the variable (const e: Event = { … }) or pass it where a struct is expected");
  }
  const slot = l.tempSlot(expected, `struct ${expected.name}`);
  const seen = new Set<string>();
  for (const p of node.properties as Node[]) {
    const name = p.type === "Property" ? identifierName(p.key) : undefined;
    if (!name || p.computed) fail("TSB2211", l.span(p), "struct literal members must be plain fields");
    const field = expected.fields.find((f) => f.name === name);
    if (!field) {
      fail("TSB2206", l.span(p.key), `${expected.name} has no field '${name}'`,
        `its fields are: ${expected.fields.map((f) => f.name).join(", ")}`);
    }
    seen.add(name);
    // Strings are read straight into the field: no temporary on the 512-byte stack.
    const into = { kind: "place" as const, type: field.type, addr: { kind: "slot" as const, slot },
      off: field.offset };
    if (!p.shorthand && lowerStringInto(l, p.value, into)) continue;
    const value = p.shorthand ? lowerExpression(l, p.key, field.type) : lowerExpression(l, p.value, field.type);
    l.storeValue(field.type, { kind: "slot", slot }, field.offset, value, p.value);
  }
  const missing = expected.fields.filter((f) => !seen.has(f.name)).map((f) => f.name);
  if (missing.length) {
    fail("TSB2212", l.span(node), `missing field${missing.length > 1 ? "s" : ""} ${missing.join(", ")} ` +
      `of ${expected.name}`, "kernel records have every field; set them all");
  }
  return { kind: "place", type: expected, addr: { kind: "slot", slot }, off: 0, fresh: true };
}

/** `[a, b, c]` where an Arr<T, N> is expected: up to N elements, the rest zero (as in C). */
export function arrayLiteral(l: FunctionLowerer, node: Node, expected?: DslType): Value {
  if (!expected || expected.kind !== "array") {
    fail("TSB2216", l.span(node), "an array literal needs an Arr<T, N> type here",
      "annotate the variable or field: const a: Arr<u32, 4> = [1, 2, 3, 4]");
  }
  const elements = node.elements as (Node | null)[];
  if (elements.length > expected.length) {
    fail("TSB2216", l.span(node), `${elements.length} elements do not fit ${typeName(expected)}`,
      `give at most ${expected.length}; missing ones are zero`);
  }
  const slot = l.tempSlot(expected, `array ${typeName(expected)}`);
  const size = sizeOf(expected.element);
  elements.forEach((e, i) => {
    if (!e || e.type === "SpreadElement") {
      fail("TSB2216", l.span(e ?? node), "array literal elements must be plain values",
        "write every element; holes and '...' have no fixed layout");
    }
    l.storeValue(expected.element, { kind: "slot", slot }, i * size,
      lowerExpression(l, e, expected.element), e);
  });
  return { kind: "place", type: expected, addr: { kind: "slot", slot }, off: 0, fresh: true };
}

