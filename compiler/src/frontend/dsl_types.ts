/**
 * The DSL's own types, with C-compatible layout. TypeScript sees u8…u32 as `number` and u64/i64
 * as `bigint`; the compiler keeps the real widths, read from the annotations, so arithmetic
 * wraps, compares and shifts exactly as the kernel will.
 */

export type IntBits = 8 | 16 | 32 | 64;

export type DslType =
  | { kind: "int"; bits: IntBits; signed: boolean; name: string }
  | { kind: "bool" }
  | { kind: "str"; capacity: number }
  | { kind: "array"; element: DslType; length: number }
  | { kind: "struct"; name: string; fields: StructField[]; size: number; align: number }
  | { kind: "void" };

export interface StructField {
  name: string;
  type: DslType;
  offset: number;
}

export type IntType = Extract<DslType, { kind: "int" }>;
export type StructType = Extract<DslType, { kind: "struct" }>;

const int = (name: string, bits: IntBits, signed: boolean): IntType =>
  ({ kind: "int", bits, signed, name });

export const INT_TYPES: Readonly<Record<string, IntType>> = {
  u8: int("u8", 8, false), u16: int("u16", 16, false), u32: int("u32", 32, false),
  u64: int("u64", 64, false), i8: int("i8", 8, true), i16: int("i16", 16, true),
  i32: int("i32", 32, true), i64: int("i64", 64, true),
};
export const U8 = INT_TYPES.u8!;
export const U32 = INT_TYPES.u32!;
export const U64 = INT_TYPES.u64!;
export const I32 = INT_TYPES.i32!;
export const I64 = INT_TYPES.i64!;
export const BOOL: DslType = { kind: "bool" };
export const VOID: DslType = { kind: "void" };

export function sizeOf(t: DslType): number {
  switch (t.kind) {
    case "int": return t.bits / 8;
    case "bool": return 1;
    case "str": return t.capacity;
    case "array": return sizeOf(t.element) * t.length;
    case "struct": return t.size;
    case "void": return 0;
  }
}

export function alignOf(t: DslType): number {
  switch (t.kind) {
    case "int": return t.bits / 8;
    case "bool": case "str": case "void": return 1;
    case "array": return alignOf(t.element);
    case "struct": return t.align;
  }
}

/** Lays out a struct like C: each field at its alignment, the size rounded to the largest. */
export function makeStruct(name: string, fields: { name: string; type: DslType }[]): StructType {
  let offset = 0;
  let align = 1;
  const laidOut = fields.map((f) => {
    const a = alignOf(f.type);
    align = Math.max(align, a);
    offset = Math.ceil(offset / a) * a;
    const field = { name: f.name, type: f.type, offset };
    offset += sizeOf(f.type);
    return field;
  });
  return { kind: "struct", name, fields: laidOut, size: Math.ceil(offset / align) * align || 0,
    align };
}

export function isInt(t: DslType): t is IntType {
  return t.kind === "int";
}

/** Whether a value of this type lives in memory (not in a register). */
export function isAggregate(t: DslType): boolean {
  return t.kind === "struct" || t.kind === "str" || t.kind === "array";
}

export function typeName(t: DslType): string {
  switch (t.kind) {
    case "int": return t.name;
    case "bool": return "bool";
    case "str": return `str<${t.capacity}>`;
    case "array": return `Arr<${typeName(t.element)}, ${t.length}>`;
    case "struct": return t.name;
    case "void": return "void";
  }
}

export function sameType(a: DslType, b: DslType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "int": return a.bits === (b as IntType).bits && a.signed === (b as IntType).signed;
    case "str": return a.capacity === (b as typeof a).capacity;
    case "array": return a.length === (b as typeof a).length &&
      sameType(a.element, (b as typeof a).element);
    case "struct": return a === b || a.name === (b as StructType).name;
    default: return true;
  }
}

/** The largest and smallest values of an integer type. */
export function intRange(t: IntType): [bigint, bigint] {
  const bits = BigInt(t.bits);
  return t.signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
}
