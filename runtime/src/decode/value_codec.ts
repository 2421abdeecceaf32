/**
 * The neutral value model: bytes of a map key, value or record, decoded by its layout into JS
 * values — integers up to 32 bits as numbers, 64-bit integers as bigints (never rounded
 * through a double), bools, strings (up to the first NUL), arrays and plain objects for
 * structs — and encoded back for keys given from userspace.
 */
import type { TypeLayout } from "@ts-bpf/loader";

export type DecodedValue = number | bigint | boolean | string | DecodedValue[] |
  { [field: string]: DecodedValue } | undefined;

const text = new TextDecoder();

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

export function decodeValue(layout: TypeLayout, bytes: Uint8Array, offset = 0): DecodedValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (layout.kind) {
    case "int":
      switch (layout.bits) {
        case 8: return layout.signed ? view.getInt8(offset) : view.getUint8(offset);
        case 16: return layout.signed ? view.getInt16(offset, true) : view.getUint16(offset, true);
        case 32: return layout.signed ? view.getInt32(offset, true) : view.getUint32(offset, true);
        case 64: return layout.signed ? view.getBigInt64(offset, true) : view.getBigUint64(offset, true);
      }
      break;
    case "bool": return view.getUint8(offset) !== 0;
    case "str": {
      const slice = bytes.subarray(offset, offset + layout.capacity);
      const nul = slice.indexOf(0);
      return text.decode(nul < 0 ? slice : slice.subarray(0, nul));
    }
    case "array": {
      const size = layoutSize(layout.element);
      return Array.from({ length: layout.length }, (_, i) =>
        decodeValue(layout.element, bytes, offset + i * size));
    }
    case "struct": {
      const out: { [field: string]: DecodedValue } = {};
      for (const f of layout.fields) out[f.name] = decodeValue(f.type, bytes, offset + f.offset);
      return out;
    }
    case "void": return undefined;
  }
  return undefined;
}

export function encodeValue(layout: TypeLayout, value: DecodedValue): Uint8Array {
  const out = new Uint8Array(layoutSize(layout));
  writeValue(layout, value, out, 0);
  return out;
}

function writeValue(layout: TypeLayout, value: DecodedValue, out: Uint8Array, offset: number): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  switch (layout.kind) {
    case "int": {
      const v = typeof value === "bigint" ? value : BigInt(Math.trunc(Number(value ?? 0)));
      const bits = layout.bits;
      const wrapped = BigInt.asUintN(bits, v);
      if (bits === 64) view.setBigUint64(offset, wrapped, true);
      else if (bits === 32) view.setUint32(offset, Number(wrapped), true);
      else if (bits === 16) view.setUint16(offset, Number(wrapped), true);
      else view.setUint8(offset, Number(wrapped));
      return;
    }
    case "bool": view.setUint8(offset, value ? 1 : 0); return;
    case "str": {
      const bytes = new TextEncoder().encode(String(value ?? "")).subarray(0, layout.capacity - 1);
      out.set(bytes, offset);
      return;
    }
    case "array": {
      const size = layoutSize(layout.element);
      (value as DecodedValue[] | undefined ?? []).slice(0, layout.length)
        .forEach((v, i) => writeValue(layout.element, v, out, offset + i * size));
      return;
    }
    case "struct": {
      const record = (value ?? {}) as { [field: string]: DecodedValue };
      for (const f of layout.fields) writeValue(f.type, record[f.name], out, offset + f.offset);
      return;
    }
    case "void": return;
  }
}
