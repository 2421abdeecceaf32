/**
 * Decoded values (map keys, span-record fields) as OpenTelemetry attributes.
 *
 * The rule, used for metrics and spans alike:
 * - a struct contributes one attribute per field, named after the field; a nested struct's
 *   fields are named `outer.inner`;
 * - any other key (an integer, a bool, a `str<N>`, an array) is one attribute named `key`;
 *   a map without a key (`Count<void>`) has no attributes;
 * - integers up to 2^53 are numbers; larger 64-bit values become decimal strings, so they are
 *   never rounded; arrays stay arrays (numbers, or strings when one element is not exact).
 */
import type { AttributeValue, Attributes } from "@opentelemetry/api";
import type { DecodedValue } from "../decode/value_codec.ts";

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A scalar decoded value as an attribute value (bigints exact: number or decimal string). */
export function attributeValue(value: DecodedValue): AttributeValue | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "bigint") return value <= SAFE && value >= -SAFE ? Number(value) : value.toString();
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    const items = value.map(attributeValue);
    if (items.every((v) => typeof v === "number")) return items as number[];
    return items.map((v) => Array.isArray(v) ? JSON.stringify(v) : String(v ?? ""));
  }
  return JSON.stringify(value, (_k, v) => typeof v === "bigint" ? v.toString() : v);
}

/** Adds a struct's fields to `out`, nested structs as `outer.inner`. */
export function addFields(out: Attributes, fields: { [name: string]: DecodedValue }, prefix = "",
  skip?: ReadonlySet<string>): Attributes {
  for (const [name, value] of Object.entries(fields)) {
    if (!prefix && skip?.has(name)) continue;
    const key = prefix + name;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      addFields(out, value, `${key}.`);
    } else {
      const v = attributeValue(value);
      if (v !== undefined) out[key] = v;
    }
  }
  return out;
}

/** The attributes of one series of an aggregation, from its decoded key (see the module rule). */
export function keyAttributes(key: DecodedValue): Attributes {
  if (key === undefined) return {};
  if (typeof key === "object" && !Array.isArray(key)) return addFields({}, key);
  const v = attributeValue(key);
  return v === undefined ? {} : { key: v };
}
