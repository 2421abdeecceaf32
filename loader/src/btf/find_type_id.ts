/**
 * The id of one named type in raw BTF, without parsing all of it: what a tp_btf program needs
 * at load (the id of vmlinux's `btf_trace_<tracepoint>` typedef, its attach_btf_id). Parsing
 * vmlinux's ~130,000 types costs ~45 ms; this finds the name in the string section, then walks
 * the type records reading only their headers and the lengths of their trailing data.
 */
import { decodeBtfHeader } from "./btf_header.ts";
import { type BtfKind, btfKindNumber } from "./types.ts";

/** Bytes that follow a type's 12-byte header, by kind (vlen = the header's item count). */
export function typeRecordTrailer(kind: number, vlen: number): number {
  switch (kind) {
    case 1: return 4; // INT: encoding
    case 3: return 12; // ARRAY
    case 4: case 5: return vlen * 12; // STRUCT, UNION: members
    case 6: return vlen * 8; // ENUM
    case 13: return vlen * 8; // FUNC_PROTO: parameters
    case 14: return 4; // VAR: linkage
    case 15: return vlen * 12; // DATASEC: variables
    case 17: return 4; // DECL_TAG: component index
    case 19: return vlen * 12; // ENUM64
    case 2: case 7: case 8: case 9: case 10: case 11: case 12: case 16: case 18: return 0;
    default: throw new Error(`BTF type of unknown kind ${kind}: cannot step over it`);
  }
}

/**
 * The id of the type named `name` of kind `kind` (first match), or undefined. `bytes` is a
 * whole BTF blob (e.g. /sys/kernel/btf/vmlinux); ids start at 1 (not for split BTF).
 */
export function findTypeId(bytes: Uint8Array, name: string, kindName: BtfKind): number | undefined {
  const kind = btfKindNumber(kindName);
  const header = decodeBtfHeader(bytes);
  const strStart = header.hdrLen + header.strOff;
  const strings = bytes.subarray(strStart, strStart + header.strLen);
  const wanted = new TextEncoder().encode(`\0${name}\0`);
  const at = indexOfBytes(strings, wanted);
  if (at < 0) return undefined;
  const nameOff = at + 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.hdrLen + header.typeOff, header.typeLen);
  const le = header.littleEndian;
  for (let pos = 0, id = 1; pos + 12 <= header.typeLen; id++) {
    const info = view.getUint32(pos + 4, le);
    const k = (info >>> 24) & 0x1f;
    if (k === kind && view.getUint32(pos, le) === nameOff) return id;
    pos += 12 + typeRecordTrailer(k, info & 0xffff);
  }
  return undefined;
}

/** Where `needle` first occurs in `haystack`, or -1 (native indexOf finds each candidate start). */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  for (let at = haystack.indexOf(needle[0]!); at >= 0 && at + needle.length <= haystack.length;
    at = haystack.indexOf(needle[0]!, at + 1)) {
    let k = 1;
    while (k < needle.length && haystack[at + k] === needle[k]) k++;
    if (k === needle.length) return at;
  }
  return -1;
}
