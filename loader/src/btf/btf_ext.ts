/**
 * The `.BTF.ext` ELF section: per ELF section, which instructions start which function (func
 * info), which source line each instruction came from (line info), and CO-RE relocations.
 *
 * Layout: a header (magic 0xeB9F, version 1, flags, hdr_len, then offset/length pairs of the
 * func info, line info and — when hdr_len >= 32 — CO-RE relocation subsections, counted from
 * the end of the header). Each subsection is a u32 record size followed by blocks of
 * `{ sec_name_off, num_info, records… }`. Strings (section and file names, source lines,
 * CO-RE access strings) are offsets into the `.BTF` string section.
 *
 * Here `insnOff` is in bytes, as in the ELF file; `prog_load_info.ts` turns records into the
 * instruction-indexed arrays BPF_PROG_LOAD takes.
 */
import { BtfError } from "./btf_error.ts";
import { BTF_MAGIC, BTF_VERSION } from "./btf_header.ts";

/** Which function starts at `insnOff` (bytes into its ELF section): a FUNC type id. */
export interface BtfFuncInfo {
  insnOff: number;
  typeId: number;
}

/** The source position of the instruction at `insnOff`; names are .BTF string offsets. */
export interface BtfLineInfo {
  insnOff: number;
  /** String offset of the source file name. */
  fileNameOff: number;
  /** String offset of the source line's text (what `bpftool prog dump` prints). */
  lineOff: number;
  /** 1-based line number (22 bits). */
  line: number;
  /** 1-based column (10 bits; larger columns are stored as 1023). */
  column: number;
}

/** A CO-RE relocation (struct bpf_core_relo): kind is enum bpf_core_relo_kind. */
export interface BtfCoreRelo {
  insnOff: number;
  typeId: number;
  accessStrOff: number;
  kind: number;
}

/** The records of one ELF section, named as in the ELF file (".text", "tracepoint/…"). */
export interface BtfExtSection<T> {
  section: string;
  records: T[];
}

/** Decoded `.BTF.ext` contents. */
export interface BtfExt {
  funcInfo: BtfExtSection<BtfFuncInfo>[];
  lineInfo: BtfExtSection<BtfLineInfo>[];
  coreRelo: BtfExtSection<BtfCoreRelo>[];
}

/** Record sizes this code writes, and the least it accepts when reading. */
export const FUNC_INFO_RECORD_SIZE = 8;
export const LINE_INFO_RECORD_SIZE = 16;
export const CORE_RELO_RECORD_SIZE = 16;
const HEADER_SIZE = 32;
const MIN_HEADER_SIZE = 24;
const MAX_LINE = 2 ** 22 - 1;
const MAX_COLUMN = 1023;

/**
 * Encodes `.BTF.ext`. `strings.addString` gives .BTF string offsets for section names (pass
 * the `BtfBuilder` and encode the BTF after this call). The header is always 32 bytes; the
 * CO-RE subsection is written only when it has records.
 * @throws {BtfError} when a field does not fit (negative offset, line over 2^22-1…).
 */
export function encodeBtfExt(ext: Partial<BtfExt>,
  strings: { addString(value: string): number }): Uint8Array {
  const funcs = subsection(ext.funcInfo ?? [], FUNC_INFO_RECORD_SIZE, strings,
    (r: BtfFuncInfo) => [r.insnOff, r.typeId]);
  const lines = subsection(ext.lineInfo ?? [], LINE_INFO_RECORD_SIZE, strings,
    (r: BtfLineInfo) => [r.insnOff, r.fileNameOff, r.lineOff, lineCol(r)]);
  const relos = ext.coreRelo?.length
    ? subsection(ext.coreRelo, CORE_RELO_RECORD_SIZE, strings,
      (r: BtfCoreRelo) => [r.insnOff, r.typeId, r.accessStrOff, r.kind])
    : [];
  const words = [...funcs, ...lines, ...relos];
  const out = new Uint8Array(HEADER_SIZE + words.length * 4);
  const view = new DataView(out.buffer);
  view.setUint16(0, BTF_MAGIC, true);
  view.setUint8(2, BTF_VERSION);
  view.setUint8(3, 0);
  const header = [HEADER_SIZE, 0, funcs.length * 4, funcs.length * 4, lines.length * 4,
    (funcs.length + lines.length) * 4, relos.length * 4];
  header.forEach((value, i) => view.setUint32(4 + 4 * i, value, true));
  words.forEach((value, i) => view.setUint32(HEADER_SIZE + 4 * i, value, true));
  return out;
}

function lineCol(r: BtfLineInfo): number {
  if (!Number.isInteger(r.line) || r.line < 0 || r.line > MAX_LINE) {
    throw new BtfError("Cannot encode BTF line info", `line ${r.line} does not fit in 22 bits`);
  }
  if (!Number.isInteger(r.column) || r.column < 0) {
    throw new BtfError("Cannot encode BTF line info", `column ${r.column} is not a non-negative integer`);
  }
  return r.line * 1024 + Math.min(r.column, MAX_COLUMN);
}

function subsection<T>(sections: readonly BtfExtSection<T>[], recordSize: number,
  strings: { addString(value: string): number }, fields: (record: T) => number[]): number[] {
  const words = [recordSize];
  for (const { section, records } of sections) {
    words.push(strings.addString(section), records.length);
    for (const record of records) {
      for (const value of fields(record)) {
        if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
          throw new BtfError("Cannot encode BTF.ext", `section '${section}': field value ` +
            `${value} in ${JSON.stringify(record)} is not a u32`);
        }
        words.push(value);
      }
    }
  }
  return words;
}

const PARSE = "Cannot parse BTF.ext";

/**
 * Decodes `.BTF.ext`, naming sections through the `.BTF` string table (`btf.strings`).
 * Records larger than this code knows (a newer format) are read by their known prefix.
 * @throws {BtfError} on bad magic, version, or lengths that run past the data.
 */
export function decodeBtfExt(bytes: Uint8Array, strings: { get(offset: number): string }): BtfExt {
  if (bytes.length < MIN_HEADER_SIZE) {
    throw new BtfError(PARSE, `${bytes.length} bytes is shorter than the ${MIN_HEADER_SIZE}-byte header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint16(0, true);
  const le = magic === BTF_MAGIC;
  if (!le && magic !== 0x9feb) {
    throw new BtfError(PARSE, `bad magic 0x${magic.toString(16).padStart(4, "0")}, expected 0xeb9f`);
  }
  if (view.getUint8(2) !== BTF_VERSION) {
    throw new BtfError(PARSE, `unsupported version ${view.getUint8(2)}, expected ${BTF_VERSION}`);
  }
  const hdrLen = view.getUint32(4, le);
  if (hdrLen < MIN_HEADER_SIZE || hdrLen > bytes.length) {
    throw new BtfError(PARSE, `header length ${hdrLen} is outside ${MIN_HEADER_SIZE}..${bytes.length}`);
  }
  const at = (i: number) => view.getUint32(4 + 4 * i, le);
  const read = <T>(what: string, off: number, len: number, minSize: number,
    record: (p: number) => T): BtfExtSection<T>[] =>
    readSubsection(view, le, hdrLen + off, len, what, minSize, strings, record);
  return {
    funcInfo: read("func info", at(1), at(2), FUNC_INFO_RECORD_SIZE, (p) => ({
      insnOff: view.getUint32(p, le), typeId: view.getUint32(p + 4, le),
    })),
    lineInfo: read("line info", at(3), at(4), LINE_INFO_RECORD_SIZE, (p) => {
      const lc = view.getUint32(p + 12, le);
      return { insnOff: view.getUint32(p, le), fileNameOff: view.getUint32(p + 4, le),
        lineOff: view.getUint32(p + 8, le), line: lc >>> 10, column: lc & 0x3ff };
    }),
    coreRelo: hdrLen < HEADER_SIZE ? [] : read("CO-RE relocation", at(5), at(6),
      CORE_RELO_RECORD_SIZE, (p) => ({
        insnOff: view.getUint32(p, le), typeId: view.getUint32(p + 4, le),
        accessStrOff: view.getUint32(p + 8, le), kind: view.getUint32(p + 12, le),
      })),
  };
}

function readSubsection<T>(view: DataView, le: boolean, start: number, length: number,
  what: string, minSize: number, strings: { get(offset: number): string },
  record: (p: number) => T): BtfExtSection<T>[] {
  if (length === 0) return [];
  const end = start + length;
  if (end > view.byteLength || length < 4) {
    throw new BtfError(PARSE, `the ${what} subsection (offset ${start}, ${length} bytes) ` +
      `does not fit in ${view.byteLength} bytes`, "the section is truncated");
  }
  const recordSize = view.getUint32(start, le);
  if (recordSize < minSize || recordSize % 4 !== 0) {
    throw new BtfError(PARSE, `${what} record size ${recordSize} is below ${minSize} or not a ` +
      "multiple of 4");
  }
  const sections: BtfExtSection<T>[] = [];
  let p = start + 4;
  while (p < end) {
    if (p + 8 > end) throw new BtfError(PARSE, `a ${what} block header at byte ${p} is cut off`);
    const nameOff = view.getUint32(p, le);
    const count = view.getUint32(p + 4, le);
    p += 8;
    if (p + count * recordSize > end) {
      throw new BtfError(PARSE, `the ${what} block at byte ${p - 8} claims ${count} records of ` +
        `${recordSize} bytes, which run past its subsection`);
    }
    const records: T[] = [];
    for (let i = 0; i < count; i++, p += recordSize) records.push(record(p));
    sections.push({ section: strings.get(nameOff), records });
  }
  return sections;
}
