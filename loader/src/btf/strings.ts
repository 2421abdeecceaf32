/**
 * The BTF string section: NUL-terminated UTF-8 strings addressed by byte offset, offset 0 being
 * the empty string. `StringTable` reads one (lazily: a 2 MB vmlinux section is decoded once as a
 * whole when it is ASCII); `StringTableBuilder` writes one, each distinct string once.
 *
 * Split BTF (a kernel module's BTF on top of vmlinux) numbers its strings after the base's, so
 * both classes take an optional base table. Validation of a parsed section is `parseBtf`'s job.
 */
import { BtfError } from "./btf_error.ts";

const utf8 = new TextDecoder("utf-8", { fatal: false });
const encoder = new TextEncoder();

/** A read-only string section, optionally on top of a base section (split BTF). */
export class StringTable {
  /** The base table whose offsets come first, for split BTF. */
  readonly base?: StringTable;
  /** The first offset this table holds (the base's `end`, or 0). */
  readonly start: number;
  /** One past the last offset this table holds. */
  readonly end: number;
  readonly #bytes: Uint8Array;
  readonly #ascii?: string;
  readonly #cache = new Map<number, string>();
  #index?: Map<string, number>;

  /** Wraps a string section's bytes (not copied). */
  constructor(bytes: Uint8Array, base?: StringTable) {
    this.#bytes = bytes;
    this.base = base;
    this.start = base ? base.end : 0;
    this.end = this.start + bytes.length;
    if (isAscii(bytes)) this.#ascii = utf8.decode(bytes);
  }

  /** Whether `offset` is a valid string offset (here or in the base). */
  has(offset: number): boolean {
    return Number.isInteger(offset) && offset >= 0 && offset < this.end;
  }

  /**
   * The string at `offset`; offset 0 is always "".
   * @throws {BtfError} when the offset is outside the section.
   */
  get(offset: number): string {
    if (offset === 0) return "";
    if (this.base && offset >= 0 && offset < this.start) return this.base.get(offset);
    if (!this.has(offset)) {
      throw new BtfError("Cannot read BTF string", `offset ${offset} is outside the string ` +
        `section (${this.end} bytes)`);
    }
    const local = offset - this.start;
    if (this.#ascii !== undefined) {
      const stop = this.#ascii.indexOf("\0", local);
      return this.#ascii.slice(local, stop < 0 ? undefined : stop);
    }
    let value = this.#cache.get(local);
    if (value === undefined) {
      let stop = this.#bytes.indexOf(0, local);
      if (stop < 0) stop = this.#bytes.length;
      value = utf8.decode(this.#bytes.subarray(local, stop));
      this.#cache.set(local, value);
    }
    return value;
  }

  /** The offset of a whole string equal to `value` (the base is searched first), if any. */
  find(value: string): number | undefined {
    if (value === "") return 0;
    const inBase = this.base?.find(value);
    if (inBase !== undefined) return inBase;
    this.#index ??= this.#buildIndex();
    const local = this.#index.get(value);
    return local === undefined ? undefined : this.start + local;
  }

  #buildIndex(): Map<string, number> {
    const index = new Map<string, number>();
    const bytes = this.#bytes;
    let offset = 0;
    while (offset < bytes.length) {
      let stop = bytes.indexOf(0, offset);
      if (stop < 0) stop = bytes.length;
      if (stop > offset) {
        const value = this.get(this.start + offset);
        if (!index.has(value)) index.set(value, offset);
      }
      offset = stop + 1;
    }
    return index;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  // An indexed loop: for-of over vmlinux's 2.3 MB section took ~30 ms in Bun, this ~3.
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

/**
 * Collects strings for a new string section; adding the same string twice returns the same
 * offset, and the output depends only on the order of first additions.
 *
 * @example
 * const strings = new StringTableBuilder();
 * strings.add("int"); // 1
 * strings.encode();   // "\0int\0"
 */
export class StringTableBuilder {
  readonly base?: StringTable;
  readonly #offsets = new Map<string, number>();
  readonly #chunks: Uint8Array[] = [];
  #length: number;

  /** Starts an empty section: "\0" alone, or nothing at all on top of a base (split BTF). */
  constructor(base?: StringTable) {
    this.base = base;
    this.#length = base ? 0 : 1;
    if (!base) this.#chunks.push(new Uint8Array(1));
  }

  /**
   * The offset of `value`, adding it if it is new (strings of the base are reused).
   * @throws {BtfError} when the string contains a NUL character.
   */
  add(value: string): number {
    if (value === "") return 0;
    const known = this.#offsets.get(value) ?? this.base?.find(value);
    if (known !== undefined) return known;
    if (value.includes("\0")) {
      throw new BtfError("Cannot add BTF string", `${JSON.stringify(value)} contains a NUL`);
    }
    const bytes = encoder.encode(value + "\0");
    const offset = (this.base?.end ?? 0) + this.#length;
    this.#chunks.push(bytes);
    this.#length += bytes.length;
    this.#offsets.set(value, offset);
    return offset;
  }

  /** Size in bytes of the encoded section. */
  get byteLength(): number {
    return this.#length;
  }

  /** The section's bytes. */
  encode(): Uint8Array {
    const out = new Uint8Array(this.#length);
    let offset = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
