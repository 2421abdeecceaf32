/** Values as bpftrace prints them: integers plain, strings bare, structs `{ a: 1, b: x }`. */
import type { DecodedValue } from "../decode/value_codec.ts";

export function formatValue(value: DecodedValue): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  const fields = Object.entries(value);
  return fields.length <= 4 && fields.every(([, v]) => typeof v !== "object")
    ? fields.map(([, v]) => formatValue(v)).join(", ")
    : `{ ${fields.map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ")} }`;
}

/** JSON with bigints as numbers when exact, as strings otherwise (never rounded). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => typeof v === "bigint"
    ? (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString())
    : v);
}
