/**
 * Bytes ↔ values by an artifact's type layouts (little-endian, C layout), for the corpus runner:
 * it encodes map keys written in expectation comments and decodes map values and ring-buffer
 * records to compare them. Integers decode to bigint, bool to boolean, str<N> to the string
 * before its first NUL, arrays to arrays, structs to objects by field name.
 */
import type { TypeLayout } from "@ts-bpf/loader";
import { type Decoded, type Expected, integerOf, show, type Tokens } from "./expected_values.ts";

/** Size in bytes of a value of `layout`. */
export function layoutSize(layout: TypeLayout): number {
  switch (layout.kind) {
    case "int": return layout.bits / 8;
    case "bool": return 1;
    case "str": return layout.capacity;
    case "array": return layoutSize(layout.element) * layout.length;
    case "struct": return layout.size;
    case "void": return 0;
  }
}

/** Decodes `bytes` (at `offset`) as a value of `layout`. */
export function decodeValue(layout: TypeLayout, bytes: Uint8Array, offset = 0): Decoded {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (layout.kind) {
    case "int": {
      const size = layout.bits / 8;
      let raw = 0n;
      for (let i = size - 1; i >= 0; i--) raw = (raw << 8n) | BigInt(view.getUint8(offset + i));
      return layout.signed ? BigInt.asIntN(layout.bits, raw) : raw;
    }
    case "bool": return view.getUint8(offset) !== 0;
    case "str": {
      const slice = bytes.subarray(offset, offset + layout.capacity);
      const nul = slice.indexOf(0);
      return new TextDecoder().decode(nul < 0 ? slice : slice.subarray(0, nul));
    }
    case "array": {
      const size = layoutSize(layout.element);
      return Array.from({ length: layout.length },
        (_, i) => decodeValue(layout.element, bytes, offset + i * size));
    }
    case "struct": {
      const out: Record<string, Decoded> = {};
      for (const f of layout.fields) out[f.name] = decodeValue(f.type, bytes, offset + f.offset);
      return out;
    }
    case "void": return [];
  }
}

/** Encodes an expected value (a map key) as bytes of `layout`; unnamed struct fields are 0. */
export function encodeValue(layout: TypeLayout, value: Expected, tokens: Tokens): Uint8Array {
  const out = new Uint8Array(layoutSize(layout));
  write(layout, value, out, 0, tokens);
  return out;
}

function write(layout: TypeLayout, value: Expected, out: Uint8Array, offset: number,
  tokens: Tokens): void {
  switch (layout.kind) {
    case "int": case "bool": {
      const bits = layout.kind === "int" ? layout.bits : 8;
      let raw = BigInt.asUintN(bits, integerOf(value, tokens));
      for (let i = 0; i < bits / 8; i++) {
        out[offset + i] = Number(raw & 0xffn);
        raw >>= 8n;
      }
      return;
    }
    case "str": {
      if (value.kind !== "str") throw new Error(`expected a string for str<${layout.capacity}>, found ${show(value)}`);
      const bytes = new TextEncoder().encode(value.value);
      if (bytes.length >= layout.capacity) throw new Error(`"${value.value}" does not fit str<${layout.capacity}>`);
      out.set(bytes, offset);
      return;
    }
    case "array": {
      if (value.kind !== "array" || value.items.length > layout.length) {
        throw new Error(`expected at most ${layout.length} array items, found ${show(value)}`);
      }
      const size = layoutSize(layout.element);
      value.items.forEach((item, i) => write(layout.element, item, out, offset + i * size, tokens));
      return;
    }
    case "struct": {
      if (value.kind !== "struct") throw new Error(`expected a struct ${layout.name}, found ${show(value)}`);
      for (const [name, v] of value.fields) {
        const field = layout.fields.find((f) => f.name === name);
        if (!field) throw new Error(`${layout.name} has no field '${name}'`);
        write(field.type, v, out, offset + field.offset, tokens);
      }
      return;
    }
    case "void": return;
  }
}

/** Adds per-CPU copies of a value: integers sum, other leaves must agree or be zero. */
export function sumPerCpu(values: Decoded[]): Decoded | undefined {
  const add = (a: Decoded, b: Decoded): Decoded => {
    if (typeof a === "bigint" && typeof b === "bigint") return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => add(x, b[i]!));
    if (typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
      return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, add(v, b[k]!)]));
    }
    return a || b;
  };
  return values.length ? values.reduce(add) : undefined;
}
