/**
 * A decoder compiled once per record layout: straight-line field reads into an object literal,
 * instead of walking the layout for every record. The ring-buffer path decodes millions of
 * records a second, and the walk (plus a DataView and a TextDecoder call per record) was what
 * made the runtime fall behind the kernel. Same results as `decodeValue`.
 */
import type { TypeLayout } from "@ts-bpf/loader";
import { type DecodedValue, decodeValue } from "./value_codec.ts";

export type RecordDecoder = (bytes: Uint8Array) => DecodedValue;

const utf8 = new TextDecoder();

/** The string in `bytes[at, at + capacity)` up to its first NUL (ASCII without TextDecoder). */
function readString(bytes: Uint8Array, at: number, capacity: number): string {
  let end = at;
  const limit = at + capacity;
  let ascii = true;
  while (end < limit && bytes[end] !== 0) {
    if (bytes[end]! >= 0x80) ascii = false;
    end++;
  }
  if (!ascii) return utf8.decode(bytes.subarray(at, end));
  let out = "";
  for (let i = at; i < end; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

let views = new WeakMap<ArrayBufferLike, DataView>();

/** One DataView per underlying buffer (ring-buffer records all share the mapped area). */
function viewOf(bytes: Uint8Array): DataView {
  let view = views.get(bytes.buffer);
  if (!view) {
    view = new DataView(bytes.buffer);
    views.set(bytes.buffer, view);
  }
  return view;
}

/** For tests: forget cached views. */
export function resetDecoderViews(): void {
  views = new WeakMap();
}

const READERS: Record<string, string> = {
  u8: "v.getUint8(o + $)", i8: "v.getInt8(o + $)",
  u16: "v.getUint16(o + $, true)", i16: "v.getInt16(o + $, true)",
  u32: "v.getUint32(o + $, true)", i32: "v.getInt32(o + $, true)",
  u64: "v.getBigUint64(o + $, true)", i64: "v.getBigInt64(o + $, true)",
};

function expression(layout: TypeLayout, at: number, nested: TypeLayout[]): string {
  switch (layout.kind) {
    case "int":
      return READERS[`${layout.signed ? "i" : "u"}${layout.bits}`]!.replace("$", String(at));
    case "bool": return `(v.getUint8(o + ${at}) !== 0)`;
    case "str": return `str(b, ${at}, ${layout.capacity})`;
    case "struct":
      return `{ ${layout.fields.map((f) => `${JSON.stringify(f.name)}: ${
        expression(f.type, at + f.offset, nested)}`).join(", ")} }`;
    case "array":
      // Arrays keep the general decoder: rarely hot, and their size would bloat the code.
      nested.push(layout);
      return `dec(${nested.length - 1}, b, ${at})`;
    case "void": return "undefined";
  }
}

/** Compiles a decoder for records of `layout`. */
export function compileDecoder(layout: TypeLayout): RecordDecoder {
  const nested: TypeLayout[] = [];
  const body = expression(layout, 0, nested);
  const factory = new Function("view", "str", "decodeAt",
    `return (b) => { const v = view(b); const o = b.byteOffset; ` +
    `const dec = (i, bytes, at) => decodeAt(i, bytes, at); return ${body}; };`);
  return factory(viewOf, readString, (i: number, bytes: Uint8Array, at: number) =>
    decodeValue(nested[i]!, bytes, at)) as RecordDecoder;
}
