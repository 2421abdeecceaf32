/**
 * A decoder compiled once per record layout: straight-line field reads into an object literal,
 * instead of walking the layout for every record. It reads at an offset of a DataView, so the
 * ring-buffer path can hand it the loader's raw records (one view over the mapped area, no
 * per-record subarray). Same results as `decodeValue`.
 */
import type { TypeLayout } from "@ts-bpf/loader";
import { type DecodedValue, decodeValue } from "./value_codec.ts";

/** Decodes the record at `offset` of `view` (offsets are relative to the view). */
export type RecordDecoder = (view: DataView, offset: number) => DecodedValue;

const utf8 = new TextDecoder();

/** Below this many bytes an ASCII string is built by hand; at or above it, by TextDecoder. */
const SHORT_STRING = 24;

/**
 * The string in `bytes[at, at + capacity)` up to its first NUL. Short ASCII strings (comm, most
 * names) are built by hand, which beats TextDecoder's call overhead; longer ones go through
 * TextDecoder, because a string built by appending characters is a rope that the first search
 * or split has to flatten (an HTTP head's 256 bytes cost 3x more that way).
 */
function readString(bytes: Uint8Array, at: number, capacity: number): string {
  let end = at;
  const limit = at + capacity;
  let ascii = true;
  while (end < limit && bytes[end] !== 0) {
    if (bytes[end]! >= 0x80) ascii = false;
    end++;
  }
  if (!ascii || end - at >= SHORT_STRING) return utf8.decode(bytes.subarray(at, end));
  let out = "";
  for (let i = at; i < end; i++) out += String.fromCharCode(bytes[i]!);
  return out;
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
    case "str": return `str(bytesOf(v), o + ${at}, ${layout.capacity})`;
    case "struct":
      return `{ ${layout.fields.map((f) => `${JSON.stringify(f.name)}: ${
        expression(f.type, at + f.offset, nested)}`).join(", ")} }`;
    case "array":
      // Arrays keep the general decoder: rarely hot, and their size would bloat the code.
      nested.push(layout);
      return `dec(${nested.length - 1}, bytesOf(v), o + ${at})`;
    case "void": return "undefined";
  }
}

/** Compiles a decoder for records of `layout`. */
export function compileDecoder(layout: TypeLayout): RecordDecoder {
  const nested: TypeLayout[] = [];
  const body = expression(layout, 0, nested);
  // Bytes over the view, for strings and arrays: made again only when the view changes (a
  // ring-buffer reader passes the same view for every record).
  let lastView: DataView | undefined;
  let lastBytes: Uint8Array = new Uint8Array(0);
  const bytesOf = (view: DataView) => {
    if (view !== lastView) {
      lastView = view;
      lastBytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    }
    return lastBytes;
  };
  const factory = new Function("str", "bytesOf", "dec",
    `return (v, o) => (${body});`);
  return factory(readString, bytesOf, (i: number, bytes: Uint8Array, at: number) =>
    decodeValue(nested[i]!, bytes, at)) as RecordDecoder;
}

/** The same decoder for a record given as its own byte array (perf buffers, tests). */
export function decodeBytes(decode: RecordDecoder, bytes: Uint8Array): DecodedValue {
  return decode(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0);
}
