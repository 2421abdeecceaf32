/**
 * The 24-byte header of a raw BTF blob (the `.BTF` ELF section, /sys/kernel/btf/*):
 * magic 0xeB9F, version 1, flags, hdr_len, then the type and string sections' offsets and
 * lengths, both counted from the end of the header. Reading checks that everything fits.
 */
import { BtfError } from "./btf_error.ts";

/** BTF_MAGIC, as a u16 in the file's byte order. */
export const BTF_MAGIC = 0xeb9f;
/** The only BTF version. */
export const BTF_VERSION = 1;
/** Size of the header this code writes (struct btf_header). */
export const BTF_HEADER_SIZE = 24;

/** A decoded BTF header; offsets are relative to the end of the header (`hdrLen`). */
export interface BtfHeader {
  littleEndian: boolean;
  version: number;
  flags: number;
  hdrLen: number;
  typeOff: number;
  typeLen: number;
  strOff: number;
  strLen: number;
}

/** Writes a little-endian header for sections of the given lengths (types first, then strings). */
export function encodeBtfHeader(view: DataView, typeLen: number, strLen: number): void {
  view.setUint16(0, BTF_MAGIC, true);
  view.setUint8(2, BTF_VERSION);
  view.setUint8(3, 0);
  view.setUint32(4, BTF_HEADER_SIZE, true);
  view.setUint32(8, 0, true);
  view.setUint32(12, typeLen, true);
  view.setUint32(16, typeLen, true);
  view.setUint32(20, strLen, true);
}

const PARSE = "Cannot parse BTF";

/**
 * Reads and checks a header: magic (either byte order), version, lengths within `bytes`.
 * @throws {BtfError} naming what is wrong.
 */
export function decodeBtfHeader(bytes: Uint8Array): BtfHeader {
  if (bytes.length < BTF_HEADER_SIZE) {
    throw new BtfError(PARSE, `${bytes.length} bytes is shorter than the ${BTF_HEADER_SIZE}-byte header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint16(0, true);
  const littleEndian = magic === BTF_MAGIC;
  if (!littleEndian && magic !== 0x9feb) {
    throw new BtfError(PARSE, `bad magic 0x${magic.toString(16).padStart(4, "0")}, expected 0xeb9f`,
      "is this a raw .BTF section or /sys/kernel/btf file?");
  }
  const header: BtfHeader = {
    littleEndian,
    version: view.getUint8(2),
    flags: view.getUint8(3),
    hdrLen: view.getUint32(4, littleEndian),
    typeOff: view.getUint32(8, littleEndian),
    typeLen: view.getUint32(12, littleEndian),
    strOff: view.getUint32(16, littleEndian),
    strLen: view.getUint32(20, littleEndian),
  };
  if (header.version !== BTF_VERSION) {
    throw new BtfError(PARSE, `unsupported version ${header.version}, expected ${BTF_VERSION}`);
  }
  if (header.hdrLen < BTF_HEADER_SIZE || header.hdrLen > bytes.length) {
    throw new BtfError(PARSE, `header length ${header.hdrLen} is outside 24..${bytes.length}`);
  }
  const body = bytes.length - header.hdrLen;
  checkSection("type", header.typeOff, header.typeLen, body);
  checkSection("string", header.strOff, header.strLen, body);
  if (header.typeOff % 4 !== 0) {
    throw new BtfError(PARSE, `type section offset ${header.typeOff} is not 4-byte aligned`);
  }
  return header;
}

function checkSection(what: string, offset: number, length: number, body: number): void {
  if (offset + length > body) {
    throw new BtfError(PARSE, `${what} section (offset ${offset}, ${length} bytes) runs past ` +
      `the end of the data (${body} bytes after the header)`, "the BTF is truncated");
  }
}
