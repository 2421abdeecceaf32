/**
 * Bounds-checked little-endian reads over a file's bytes. Every read past the end becomes an
 * `ElfError` naming the file and the structure being read, never a `RangeError`. This module
 * knows nothing about ELF structures; it only reads integers and strings.
 */
import { ElfError, MALFORMED_HINT, TRUNCATED_HINT } from "./elf_error.ts";

const TWO_32 = 0x1_0000_0000;
const decoder = new TextDecoder("utf-8");

/**
 * Reads integers and NUL-terminated strings from a byte array.
 *
 * 64-bit fields are returned as numbers; a value above `Number.MAX_SAFE_INTEGER` throws (no user
 * space address or file offset comes near it).
 *
 * @example
 * const r = new ByteReader(bytes, "/bin/true");
 * const machine = r.u16(18, "ELF header");
 */
export class ByteReader {
  readonly bytes: Uint8Array;
  readonly file: string;
  private readonly view: DataView;

  constructor(bytes: Uint8Array, file: string) {
    this.bytes = bytes;
    this.file = file;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Number of bytes. */
  get length(): number {
    return this.bytes.length;
  }

  /**
   * Throws a `truncated` ElfError unless `[offset, offset + size)` lies inside the bytes.
   * `what` names the structure for the message ("section header 3").
   */
  check(offset: number, size: number, what: string): void {
    if (
      Number.isSafeInteger(offset) && Number.isSafeInteger(size) && offset >= 0 && size >= 0 &&
      offset + size <= this.bytes.length
    ) return;
    throw new ElfError(
      "truncated",
      this.file,
      `is truncated or malformed: ${what} spans bytes ${offset}..${offset + size} but the file ` +
        `has ${this.bytes.length} bytes`,
      TRUNCATED_HINT,
    );
  }

  /** Unsigned byte at `offset`. */
  u8(offset: number, what: string): number {
    this.check(offset, 1, what);
    return this.bytes[offset]!;
  }

  /** Unsigned 16-bit little-endian integer at `offset`. */
  u16(offset: number, what: string): number {
    this.check(offset, 2, what);
    return this.view.getUint16(offset, true);
  }

  /** Unsigned 32-bit little-endian integer at `offset`. */
  u32(offset: number, what: string): number {
    this.check(offset, 4, what);
    return this.view.getUint32(offset, true);
  }

  /** Unsigned 64-bit little-endian integer at `offset`, as a number. */
  u64(offset: number, what: string): number {
    this.check(offset, 8, what);
    const high = this.view.getUint32(offset + 4, true);
    if (high >= 0x20_0000) this.tooLarge(offset, what);
    return high * TWO_32 + this.view.getUint32(offset, true);
  }

  /** Signed 64-bit little-endian integer at `offset`, as a number. */
  i64(offset: number, what: string): number {
    this.check(offset, 8, what);
    const high = this.view.getInt32(offset + 4, true);
    if (high >= 0x20_0000 || high < -0x20_0000) this.tooLarge(offset, what);
    return high * TWO_32 + this.view.getUint32(offset, true);
  }

  /**
   * The NUL-terminated string starting at `offset` and ending before `end` (the end of its
   * string table). Throws a `malformed` ElfError if no NUL comes first.
   */
  cString(offset: number, end: number, what: string): string {
    const limit = Math.min(end, this.bytes.length);
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= limit) {
      throw new ElfError(
        "malformed",
        this.file,
        `is malformed: ${what} points at byte ${offset}, outside its string table`,
        MALFORMED_HINT,
      );
    }
    let ascii = true;
    let i = offset;
    for (; i < limit; i++) {
      const b = this.bytes[i]!;
      if (b === 0) break;
      if (b >= 0x80) ascii = false;
    }
    if (i === limit) {
      throw new ElfError(
        "malformed",
        this.file,
        `is malformed: ${what} at byte ${offset} has no terminating NUL`,
        MALFORMED_HINT,
      );
    }
    if (!ascii || i - offset > 64) return decoder.decode(this.bytes.subarray(offset, i));
    let s = "";
    for (let j = offset; j < i; j++) s += String.fromCharCode(this.bytes[j]!);
    return s;
  }

  private tooLarge(offset: number, what: string): never {
    throw new ElfError(
      "unsupported",
      this.file,
      `has a 64-bit value in ${what} (byte ${offset}) larger than 2^53, ` +
        "which tsbpf cannot represent",
      "kernel images and other files with addresses above 2^53 are not supported",
    );
  }
}
