/**
 * Decodes raw BTF (a `.BTF` ELF section, or /sys/kernel/btf/vmlinux and module files) into a
 * `Btf`. Checks what a reader must trust: header bounds, string section shape, record lengths,
 * known kinds and encodings, name offsets and type references. It does not check what only
 * the kernel's verifier cares about (valid identifiers, member order, size arithmetic).
 *
 * Either byte order is read. The vmlinux BTF of a recent kernel (~5 MB) parses in about 45 ms
 * (6.18, Bun); name lookups build their index on first use. `parseBtfLazily` decodes a type only
 * when it is asked for, for a few lookups.
 */
import { Btf } from "./btf.ts";
import { BtfError } from "./btf_error.ts";
import { decodeBtfHeader } from "./btf_header.ts";
import { StringTable } from "./strings.ts";
import { typeRecordTrailer } from "./find_type_id.ts";
import { BTF_KIND_NAMES, type BtfType, type IntEncoding, type Linkage } from "./types.ts";

/** Options of `parseBtf`. */
export interface ParseBtfOptions {
  /** The base BTF for split BTF (a kernel module's BTF is split on top of vmlinux). */
  base?: Btf;
}

const PARSE = "Cannot parse BTF";
const LINKAGES: readonly Linkage[] = ["static", "global", "extern"];
const ENCODINGS: Record<number, IntEncoding> = { 0: "none", 1: "signed", 2: "char", 4: "bool" };

/**
 * Parses raw BTF. The bytes are not copied; do not modify them while the result is used.
 *
 * @example
 * const vmlinux = parseBtf(readFileSync("/sys/kernel/btf/vmlinux"));
 * const module = parseBtf(readFileSync("/sys/kernel/btf/nf_tables"), { base: vmlinux });
 * @throws {BtfError} on malformed input, naming the type id and what is wrong.
 */
export function parseBtf(bytes: Uint8Array, options: ParseBtfOptions = {}): Btf {
  const base = options.base;
  const { strings, view, le, end } = openSections(bytes, base);
  const firstId = base ? base.nextId : 1;
  const types: BtfType[] = [];
  let maxRef = 0;
  let maxRefId = 0;
  let id = firstId;
  const ref = (target: number): number => {
    if (target > maxRef) {
      maxRef = target;
      maxRefId = id;
    }
    return target;
  };
  for (let pos = 0; pos < end; id++) {
    const record = decodeRecord(view, le, strings, end, pos, id, ref);
    types.push(record.type);
    pos = record.next;
  }
  if (maxRef >= id) {
    throw new BtfError(PARSE, `type id ${maxRefId} refers to type id ${maxRef}, but the last ` +
      `type id is ${id - 1}`);
  }
  return new Btf(types, strings, base);
}

/**
 * A `Btf` over raw BTF (not split) whose types are decoded when first asked for: one pass reads
 * only each record's header to find where it starts, ~10× faster than `parseBtf` on vmlinux and
 * without its ~130,000 objects. For a few lookups by id (`findTypeId` finds the first one by
 * name without decoding); `typeByName` and iteration decode everything. References are checked
 * as each type is decoded, not all at once.
 */
export function parseBtfLazily(bytes: Uint8Array): Btf {
  const { strings, view, le, end } = openSections(bytes, undefined);
  const starts: number[] = [];
  for (let pos = 0; pos + 12 <= end;) {
    starts.push(pos);
    const info = view.getUint32(pos + 4, le);
    pos += 12 + typeRecordTrailer((info >>> 24) & 0x1f, info & 0xffff);
  }
  const count = starts.length;
  const ref = (target: number): number => {
    if (target > count) throw new BtfError(PARSE, `a type refers to type id ${target}, but the last type id is ${count}`);
    return target;
  };
  const decoded: BtfType[] = new Array(count);
  // Indexing decodes the record; everything else (length, iteration) is the array's own.
  const types = new Proxy(decoded, {
    get(target, key, receiver) {
      if (typeof key === "string") {
        const i = Number(key);
        if (Number.isInteger(i) && i >= 0 && i < count) {
          return target[i] ??= decodeRecord(view, le, strings, end, starts[i]!, i + 1, ref).type;
        }
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return new Btf(types, strings);
}

/** The string table and the type section of raw BTF, checked. */
function openSections(bytes: Uint8Array, base: Btf | undefined):
  { strings: StringTable; view: DataView; le: boolean; end: number } {
  const header = decodeBtfHeader(bytes);
  const bodyStart = bytes.byteOffset + header.hdrLen;
  const strBytes = bytes.subarray(header.hdrLen + header.strOff,
    header.hdrLen + header.strOff + header.strLen);
  if (!base && (strBytes.length === 0 || strBytes[0] !== 0)) {
    throw new BtfError(PARSE, "the string section must start with an empty string (a NUL byte)");
  }
  if (strBytes.length > 0 && strBytes[strBytes.length - 1] !== 0) {
    throw new BtfError(PARSE, "the string section does not end with a NUL byte",
      "the BTF is truncated or corrupt");
  }
  return {
    strings: new StringTable(strBytes, base?.strings),
    view: new DataView(bytes.buffer, bodyStart + header.typeOff, header.typeLen),
    le: header.littleEndian,
    end: header.typeLen,
  };
}

/** Decodes the type record at `pos` (type id `id`); `ref` sees every type id it refers to. */
function decodeRecord(view: DataView, le: boolean, strings: StringTable, end: number, pos: number, id: number,
  ref: (target: number) => number): { type: BtfType; next: number } {
  const fail = (detail: string): never => {
    throw new BtfError(PARSE, `type id ${id} (at byte ${pos} of the type section): ${detail}`);
  };
  const name = (offset: number): string => {
    if (offset >= strings.end) {
      fail(`name offset ${offset} is outside the string section (${strings.end} bytes)`);
    }
    return strings.get(offset);
  };
  const need = (size: number): void => {
    if (pos + size > end) fail(`the record needs ${size} bytes but only ${end - pos} remain`);
  };
  const linkage = (value: number): Linkage => LINKAGES[value] ?? fail(`unknown linkage ${value}`);

  need(12);
  const nameOff = view.getUint32(pos, le);
  const info = view.getUint32(pos + 4, le);
  const sizeOrType = view.getUint32(pos + 8, le);
  const vlen = info & 0xffff;
  const kindNumber = (info >>> 24) & 0x1f;
  const kflag = info >>> 31 === 1;
  const n = name(nameOff);
  let p = pos + 12;
  let type: BtfType;
  switch (kindNumber) {
    case 1: { // INT
      need(16);
      const data = view.getUint32(p, le);
      const encoding = ENCODINGS[(data >>> 24) & 0x0f] ??
        fail(`INT encoding 0x${((data >>> 24) & 0x0f).toString(16)} is not one of 0, 1, 2, 4`);
      type = { kind: "INT", name: n, size: sizeOrType, encoding,
        bitOffset: (data >>> 16) & 0xff, bits: data & 0xff };
      p += 4;
      break;
    }
    case 2: type = { kind: "PTR", name: n, type: ref(sizeOrType) }; break;
    case 3: { // ARRAY
      need(24);
      type = { kind: "ARRAY", name: n, type: ref(view.getUint32(p, le)),
        indexType: ref(view.getUint32(p + 4, le)), nelems: view.getUint32(p + 8, le) };
      p += 12;
      break;
    }
    case 4: case 5: { // STRUCT, UNION
      need(12 + 12 * vlen);
      const members = new Array(vlen);
      for (let i = 0; i < vlen; i++, p += 12) {
        const offset = view.getUint32(p + 8, le);
        members[i] = { name: name(view.getUint32(p, le)), type: ref(view.getUint32(p + 4, le)),
          bitOffset: kflag ? offset & 0xffffff : offset, bitfieldSize: kflag ? offset >>> 24 : 0 };
      }
      type = { kind: kindNumber === 4 ? "STRUCT" : "UNION", name: n, size: sizeOrType, members };
      break;
    }
    case 6: { // ENUM
      need(12 + 8 * vlen);
      const values = new Array(vlen);
      for (let i = 0; i < vlen; i++, p += 8) {
        values[i] = { name: name(view.getUint32(p, le)),
          value: kflag ? view.getInt32(p + 4, le) : view.getUint32(p + 4, le) };
      }
      type = { kind: "ENUM", name: n, size: sizeOrType, signed: kflag, values };
      break;
    }
    case 7: type = { kind: "FWD", name: n, union: kflag }; break;
    case 8: type = { kind: "TYPEDEF", name: n, type: ref(sizeOrType) }; break;
    case 9: type = { kind: "VOLATILE", name: n, type: ref(sizeOrType) }; break;
    case 10: type = { kind: "CONST", name: n, type: ref(sizeOrType) }; break;
    case 11: type = { kind: "RESTRICT", name: n, type: ref(sizeOrType) }; break;
    case 12:
      type = { kind: "FUNC", name: n, type: ref(sizeOrType), linkage: linkage(vlen) };
      break;
    case 13: { // FUNC_PROTO
      need(12 + 8 * vlen);
      const params = new Array(vlen);
      for (let i = 0; i < vlen; i++, p += 8) {
        params[i] = { name: name(view.getUint32(p, le)), type: ref(view.getUint32(p + 4, le)) };
      }
      type = { kind: "FUNC_PROTO", name: n, returnType: ref(sizeOrType), params };
      break;
    }
    case 14: { // VAR
      need(16);
      type = { kind: "VAR", name: n, type: ref(sizeOrType),
        linkage: linkage(view.getUint32(p, le)) };
      p += 4;
      break;
    }
    case 15: { // DATASEC
      need(12 + 12 * vlen);
      const vars = new Array(vlen);
      for (let i = 0; i < vlen; i++, p += 12) {
        vars[i] = { type: ref(view.getUint32(p, le)), offset: view.getUint32(p + 4, le),
          size: view.getUint32(p + 8, le) };
      }
      type = { kind: "DATASEC", name: n, size: sizeOrType, vars };
      break;
    }
    case 16: type = { kind: "FLOAT", name: n, size: sizeOrType }; break;
    case 17: { // DECL_TAG
      need(16);
      type = { kind: "DECL_TAG", name: n, type: ref(sizeOrType),
        componentIdx: view.getInt32(p, le), attribute: kflag };
      p += 4;
      break;
    }
    case 18: type = { kind: "TYPE_TAG", name: n, type: ref(sizeOrType), attribute: kflag }; break;
    case 19: { // ENUM64
      need(12 + 12 * vlen);
      const values = new Array(vlen);
      for (let i = 0; i < vlen; i++, p += 12) {
        const bits = BigInt(view.getUint32(p + 8, le)) << 32n | BigInt(view.getUint32(p + 4, le));
        values[i] = { name: name(view.getUint32(p, le)),
          value: kflag ? BigInt.asIntN(64, bits) : bits };
      }
      type = { kind: "ENUM64", name: n, size: sizeOrType, signed: kflag, values };
      break;
    }
    default:
      return fail(`unknown kind ${kindNumber} (this parser knows 1..${BTF_KIND_NAMES.length - 1})`,
      );
  }
  return { type, next: p };
}
