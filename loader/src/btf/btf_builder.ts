/**
 * Builds raw BTF: add types, get their ids, `encode()` the `.BTF` blob. Each type is encoded
 * into its record when it is added (so a bad field fails at the call that added it); references
 * between types are checked at `encode()`, which allows forward references through `reserve()`.
 *
 * The output is little-endian and depends only on the sequence of calls, byte for byte. This
 * module does not load BTF into the kernel (see loader/src/sys `btfLoad`).
 */
import type { Btf } from "./btf.ts";
import { BtfError } from "./btf_error.ts";
import { BTF_HEADER_SIZE, encodeBtfHeader } from "./btf_header.ts";
import { StringTableBuilder } from "./strings.ts";
import {
  type BtfType, btfKindNumber, type IntEncoding, type Linkage, referencedTypeIds,
} from "./types.ts";

/** Options of `new BtfBuilder()`. */
export interface BtfBuilderOptions {
  /** Build split BTF on top of this base (ids and string offsets continue after the base's). */
  base?: Btf;
}

const INT_ENCODING: Record<IntEncoding, number> = { none: 0, signed: 1, char: 2, bool: 4 };
const LINKAGE: Record<Linkage, number> = { static: 0, global: 1, extern: 2 };

/**
 * Collects BTF types and strings and encodes them.
 *
 * @example
 * const b = new BtfBuilder();
 * const int = b.add(intType("int", 4, "signed"));
 * const ptr = b.add({ kind: "PTR", name: "", type: int });
 * const bytes = b.encode(); // a .BTF section
 */
export class BtfBuilder {
  /** The string section; `addString` is a shortcut to it. */
  readonly strings: StringTableBuilder;
  /** Id of the first type added (1, or the base's `nextId` for split BTF). */
  readonly firstId: number;
  readonly base?: Btf;
  readonly #types: (BtfType | undefined)[] = [];
  readonly #records: (Uint8Array | undefined)[] = [];
  readonly #interned = new Map<string, number>();

  constructor(options: BtfBuilderOptions = {}) {
    this.base = options.base;
    this.firstId = options.base ? options.base.nextId : 1;
    this.strings = new StringTableBuilder(options.base?.strings);
  }

  /** The id the next added type will get. */
  get nextId(): number {
    return this.firstId + this.#types.length;
  }

  /** The types added so far, in id order (a reserved, undefined id holds `undefined`). */
  get types(): readonly (BtfType | undefined)[] {
    return this.#types;
  }

  /**
   * Appends a type and returns its id. The object is kept as given; do not mutate it afterwards.
   * @throws {BtfError} when a field does not fit its encoding (negative size, vlen > 65535…).
   */
  add(type: BtfType): number {
    const record = encodeRecord(type, this.strings);
    this.#types.push(type);
    this.#records.push(record);
    return this.nextId - 1;
  }

  /**
   * Like `add`, but returns the id of an earlier `intern`ed type with the same encoding instead
   * of adding a duplicate. Meant for shared types such as `int` or `int (*)[4]`.
   */
  intern(type: BtfType): number {
    const record = encodeRecord(type, this.strings);
    const key = recordKey(record);
    const known = this.#interned.get(key);
    if (known !== undefined) return known;
    this.#types.push(type);
    this.#records.push(record);
    const id = this.nextId - 1;
    this.#interned.set(key, id);
    return id;
  }

  /** Reserves an id for a type defined later with `define` (for self-referencing structs). */
  reserve(): number {
    this.#types.push(undefined);
    this.#records.push(undefined);
    return this.nextId - 1;
  }

  /**
   * Defines the type of a reserved id.
   * @throws {BtfError} when `id` was not reserved or is already defined.
   */
  define(id: number, type: BtfType): void {
    const index = id - this.firstId;
    if (index < 0 || index >= this.#types.length || this.#types[index] !== undefined) {
      throw new BtfError("Cannot define BTF type", `id ${id} is not a reserved, undefined id`);
    }
    this.#records[index] = encodeRecord(type, this.strings);
    this.#types[index] = type;
  }

  /** The type with this id (added here, or in the base), or undefined (void, unknown, reserved). */
  typeById(id: number): BtfType | undefined {
    if (id >= this.firstId) return this.#types[id - this.firstId];
    if (this.base && id > 0) return this.base.typeById(id);
    return undefined;
  }

  /** The string section offset of `value`, adding it if new (for .BTF.ext and line info). */
  addString(value: string): number {
    return this.strings.add(value);
  }

  /**
   * The raw BTF: header, type section, string section.
   * @throws {BtfError} when a reserved id is undefined or a type refers to an id that does not exist.
   */
  encode(): Uint8Array {
    const next = this.nextId;
    let typeLen = 0;
    for (let i = 0; i < this.#types.length; i++) {
      const type = this.#types[i];
      const id = this.firstId + i;
      if (type === undefined) {
        throw new BtfError("Cannot encode BTF", `type id ${id} was reserved but never defined`);
      }
      for (const ref of referencedTypeIds(type)) {
        if (!Number.isInteger(ref) || ref < 0 || ref >= next) {
          throw new BtfError("Cannot encode BTF", `type id ${id} (${type.kind} '${type.name}') ` +
            `refers to type id ${ref}, but the last type id is ${next - 1}`);
        }
      }
      typeLen += this.#records[i]!.length;
    }
    const strings = this.strings.encode();
    const out = new Uint8Array(BTF_HEADER_SIZE + typeLen + strings.length);
    encodeBtfHeader(new DataView(out.buffer), typeLen, strings.length);
    let offset = BTF_HEADER_SIZE;
    for (const record of this.#records) {
      out.set(record!, offset);
      offset += record!.length;
    }
    out.set(strings, offset);
    return out;
  }
}

function recordKey(record: Uint8Array): string {
  let key = "";
  for (let i = 0; i < record.length; i += 4096) {
    key += String.fromCharCode(...record.subarray(i, i + 4096));
  }
  return key;
}

/** Writes u32 fields of one record, naming the type in errors. */
class RecordWriter {
  readonly bytes: Uint8Array;
  readonly #view: DataView;
  #offset = 0;

  constructor(size: number, readonly type: BtfType) {
    this.bytes = new Uint8Array(size);
    this.#view = new DataView(this.bytes.buffer);
  }

  fail(detail: string): never {
    throw new BtfError(`Cannot add BTF ${this.type.kind} '${this.type.name}'`, detail);
  }

  u32(value: number, field: string): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      this.fail(`${field} ${value} is not an integer in 0..2^32-1`);
    }
    this.#view.setUint32(this.#offset, value, true);
    this.#offset += 4;
    return this;
  }

  bits(value: number, width: number, field: string): number {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) {
      this.fail(`${field} ${value} does not fit in ${width} bits`);
    }
    return value;
  }

  /** The common header: name_off, info (kind_flag, kind, vlen), size or type. */
  head(strings: StringTableBuilder, vlen: number, kindFlag: boolean, sizeOrType: number,
    field: string): this {
    this.bits(vlen, 16, "vlen (number of members, values or parameters)");
    const info = ((kindFlag ? 1 : 0) * 2 ** 31) + btfKindNumber(this.type.kind) * 2 ** 24 + vlen;
    return this.u32(strings.add(this.type.name), "name offset").u32(info, "info")
      .u32(sizeOrType, field);
  }
}

function encodeRecord(t: BtfType, strings: StringTableBuilder): Uint8Array {
  if (typeof t !== "object" || t === null || btfKindNumber(t.kind) < 1) {
    throw new BtfError("Cannot add BTF type", `unknown kind ${JSON.stringify((t as BtfType)?.kind)}`);
  }
  if (typeof t.name !== "string") {
    throw new BtfError(`Cannot add BTF ${t.kind}`, "name must be a string (\"\" when anonymous)");
  }
  switch (t.kind) {
    case "INT": {
      const w = new RecordWriter(16, t).head(strings, 0, false, t.size, "size");
      const encoding = INT_ENCODING[t.encoding];
      if (encoding === undefined) w.fail(`unknown encoding ${JSON.stringify(t.encoding)}`);
      return w.u32(encoding * 2 ** 24 + w.bits(t.bitOffset, 8, "bitOffset") * 2 ** 16 +
        w.bits(t.bits, 8, "bits"), "encoding").bytes;
    }
    case "PTR": case "TYPEDEF": case "VOLATILE": case "CONST": case "RESTRICT":
      return new RecordWriter(12, t).head(strings, 0, false, t.type, "type").bytes;
    case "TYPE_TAG":
      return new RecordWriter(12, t).head(strings, 0, t.attribute, t.type, "type").bytes;
    case "FWD":
      return new RecordWriter(12, t).head(strings, 0, t.union, 0, "size").bytes;
    case "FLOAT":
      return new RecordWriter(12, t).head(strings, 0, false, t.size, "size").bytes;
    case "ARRAY":
      return new RecordWriter(24, t).head(strings, 0, false, 0, "size")
        .u32(t.type, "type").u32(t.indexType, "indexType").u32(t.nelems, "nelems").bytes;
    case "STRUCT": case "UNION": {
      const bitfields = t.members.some((m) => m.bitfieldSize !== 0);
      const w = new RecordWriter(12 + 12 * t.members.length, t)
        .head(strings, t.members.length, bitfields, t.size, "size");
      for (const [i, m] of t.members.entries()) {
        const offset = bitfields
          ? w.bits(m.bitfieldSize, 8, `member ${i} bitfieldSize`) * 2 ** 24 +
            w.bits(m.bitOffset, 24, `member ${i} bitOffset`)
          : m.bitOffset;
        w.u32(strings.add(m.name), "member name").u32(m.type, `member ${i} type`)
          .u32(offset, `member ${i} bitOffset`);
      }
      return w.bytes;
    }
    case "ENUM": {
      const w = new RecordWriter(12 + 8 * t.values.length, t)
        .head(strings, t.values.length, t.signed, t.size, "size");
      for (const v of t.values) {
        if (!Number.isInteger(v.value) || v.value < -(2 ** 31) || v.value > 0xffffffff) {
          w.fail(`value ${v.name} = ${v.value} does not fit in 32 bits`);
        }
        w.u32(strings.add(v.name), "value name").u32(v.value >>> 0, "value");
      }
      return w.bytes;
    }
    case "ENUM64": {
      const w = new RecordWriter(12 + 12 * t.values.length, t)
        .head(strings, t.values.length, t.signed, t.size, "size");
      for (const v of t.values) {
        if (typeof v.value !== "bigint" || v.value < -(2n ** 63n) || v.value >= 2n ** 64n) {
          w.fail(`value ${v.name} = ${v.value} is not a bigint that fits in 64 bits`);
        }
        const bits = BigInt.asUintN(64, v.value);
        w.u32(strings.add(v.name), "value name").u32(Number(bits & 0xffffffffn), "value")
          .u32(Number(bits >> 32n), "value");
      }
      return w.bytes;
    }
    case "FUNC": {
      const linkage = LINKAGE[t.linkage];
      const w = new RecordWriter(12, t);
      if (linkage === undefined) w.fail(`unknown linkage ${JSON.stringify(t.linkage)}`);
      return w.head(strings, linkage, false, t.type, "type").bytes;
    }
    case "FUNC_PROTO": {
      const w = new RecordWriter(12 + 8 * t.params.length, t)
        .head(strings, t.params.length, false, t.returnType, "returnType");
      for (const [i, p] of t.params.entries()) {
        w.u32(strings.add(p.name), "parameter name").u32(p.type, `parameter ${i} type`);
      }
      return w.bytes;
    }
    case "VAR": {
      const linkage = LINKAGE[t.linkage];
      const w = new RecordWriter(16, t);
      if (linkage === undefined) w.fail(`unknown linkage ${JSON.stringify(t.linkage)}`);
      return w.head(strings, 0, false, t.type, "type").u32(linkage, "linkage").bytes;
    }
    case "DATASEC": {
      const w = new RecordWriter(12 + 12 * t.vars.length, t)
        .head(strings, t.vars.length, false, t.size, "size");
      for (const [i, v] of t.vars.entries()) {
        w.u32(v.type, `variable ${i} type`).u32(v.offset, `variable ${i} offset`)
          .u32(v.size, `variable ${i} size`);
      }
      return w.bytes;
    }
    case "DECL_TAG": {
      const w = new RecordWriter(16, t).head(strings, 0, t.attribute, t.type, "type");
      if (!Number.isInteger(t.componentIdx) || t.componentIdx < -1 || t.componentIdx > 0xffff) {
        w.fail(`componentIdx ${t.componentIdx} is not -1 or a member index`);
      }
      return w.u32(t.componentIdx >>> 0, "componentIdx").bytes;
    }
  }
}
