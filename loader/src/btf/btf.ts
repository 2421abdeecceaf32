/**
 * A parsed BTF: its types by id, its strings, and the lookups the loader and compiler need —
 * by name, sizes through typedefs and qualifiers, struct member offsets. Split BTF (a module's
 * types on top of vmlinux) chains to its base: ids below `firstId` are looked up there.
 *
 * Parsing lives in `btf_parser.ts`; this class only answers questions about the result.
 */
import { BtfError } from "./btf_error.ts";
import type { StringTable } from "./strings.ts";
import { type BtfKind, type BtfType, type BtfTypeOf, isModifierKind } from "./types.ts";

/** A type together with its id. */
export interface BtfTypeRef<T extends BtfType = BtfType> {
  id: number;
  type: T;
}

/** A member found by `findMember`, with its offset from the start of the outer struct. */
export interface BtfMemberRef {
  name: string;
  type: number;
  /** Offset in bits from the start of the struct that was searched. */
  bitOffset: number;
  bitfieldSize: number;
}

/** How deep typedef and qualifier chains may go (the kernel's MAX_RESOLVE_DEPTH). */
const MAX_RESOLVE_DEPTH = 32;

/**
 * Types and strings of one BTF blob, usually made by `parseBtf`.
 *
 * @example
 * const btf = parseBtf(readFileSync("/sys/kernel/btf/vmlinux"));
 * const task = btf.typeByName("task_struct", "STRUCT")!;
 * btf.memberOffset(task.id, "pid"); // byte offset of task_struct.pid
 */
export class Btf {
  /** Id of the first type held here: 1, or the base's `nextId` for split BTF. */
  readonly firstId: number;
  /** Size in bytes of a PTR (BPF is 64-bit). */
  readonly pointerSize = 8;
  #byName?: Map<string, number[]>;

  /** `types[i]` has id `firstId + i`; string offsets in them were resolved against `strings`. */
  constructor(
    readonly types: readonly BtfType[],
    readonly strings: StringTable,
    readonly base?: Btf,
  ) {
    this.firstId = base ? base.nextId : 1;
  }

  /** One past the last type id. */
  get nextId(): number {
    return this.firstId + this.types.length;
  }

  /**
   * The type with this id.
   * @throws {BtfError} for id 0 (void) and ids that do not exist.
   */
  typeById(id: number): BtfType {
    const own = id >= this.firstId ? this.types[id - this.firstId] : undefined;
    if (own) return own;
    if (this.base && id > 0 && id < this.firstId) return this.base.typeById(id);
    throw new BtfError("Cannot look up BTF type", id === 0
      ? "type id 0 is void"
      : `type id ${id} does not exist (ids go from 1 to ${this.nextId - 1})`);
  }

  /** The type with this id when it has the given kind, else a BtfError naming both kinds. */
  typeOfKind<K extends BtfKind>(id: number, kind: K): BtfTypeOf<K> {
    const type = this.typeById(id);
    if (type.kind !== kind) {
      throw new BtfError("Cannot look up BTF type", `type id ${id} is ${type.kind} ` +
        `'${type.name}', expected ${kind}`);
    }
    return type as BtfTypeOf<K>;
  }

  /** The first type (lowest id, base first) with this name and, if given, this kind. */
  typeByName<K extends BtfKind>(name: string, kind?: K): BtfTypeRef<BtfTypeOf<K>> | undefined {
    const fromBase = this.base?.typeByName(name, kind);
    if (fromBase) return fromBase;
    for (const id of this.#ids(name)) {
      const type = this.typeById(id);
      if (kind === undefined || type.kind === kind) return { id, type: type as BtfTypeOf<K> };
    }
    return undefined;
  }

  /** Every type with this name (and kind, if given), base first, in id order. */
  typesByName<K extends BtfKind>(name: string, kind?: K): BtfTypeRef<BtfTypeOf<K>>[] {
    const found = this.base?.typesByName(name, kind) ?? [];
    for (const id of this.#ids(name)) {
      const type = this.typeById(id);
      if (kind === undefined || type.kind === kind) found.push({ id, type: type as BtfTypeOf<K> });
    }
    return found;
  }

  /**
   * Follows TYPEDEF, VOLATILE, CONST, RESTRICT and TYPE_TAG to the underlying type id
   * (0 when that is void).
   * @throws {BtfError} when the chain is longer than 32 or loops.
   */
  resolve(id: number): number {
    for (let depth = 0; depth <= MAX_RESOLVE_DEPTH; depth++) {
      if (id === 0) return 0;
      const type = this.typeById(id);
      if (!isModifierKind(type.kind)) return id;
      id = (type as { type: number }).type;
    }
    throw new BtfError("Cannot resolve BTF type", `the typedef/qualifier chain at type id ${id} ` +
      `is deeper than ${MAX_RESOLVE_DEPTH}`);
  }

  /**
   * Size in bytes of a type, through typedefs and qualifiers; arrays multiply, pointers are 8.
   * @throws {BtfError} for void, functions, forward declarations and declaration tags.
   */
  typeSize(id: number): number {
    for (let depth = 0; depth <= MAX_RESOLVE_DEPTH; depth++) {
      const resolved = this.resolve(id);
      if (resolved === 0) throw new BtfError("Cannot size BTF type", "void has no size");
      const type = this.typeById(resolved);
      switch (type.kind) {
        case "INT": case "ENUM": case "ENUM64": case "STRUCT": case "UNION": case "FLOAT":
        case "DATASEC":
          return type.size;
        case "PTR":
          return this.pointerSize;
        case "ARRAY":
          return type.nelems === 0 ? 0 : type.nelems * this.typeSize(type.type);
        case "VAR":
          id = type.type;
          continue;
        default:
          throw new BtfError("Cannot size BTF type", `type id ${resolved} is ${type.kind} ` +
            `'${type.name}', which has no size`);
      }
    }
    throw new BtfError("Cannot size BTF type", `type id ${id} nests VARs too deeply`);
  }

  /**
   * A member of a struct or union by name or dotted path ("a.b"), looking inside anonymous
   * struct and union members as C does. The offset is counted from the start of `id`.
   * @throws {BtfError} when `id` (after typedefs) or an inner path step is not a struct or union.
   */
  findMember(id: number, path: string | readonly string[]): BtfMemberRef | undefined {
    const steps = typeof path === "string" ? path.split(".") : path;
    let current: BtfMemberRef = { name: "", type: id, bitOffset: 0, bitfieldSize: 0 };
    for (const step of steps) {
      const found = this.#findIn(current.type, step);
      if (!found) return undefined;
      current = { ...found, bitOffset: current.bitOffset + found.bitOffset };
    }
    return current;
  }

  /**
   * The byte offset of a member (see `findMember`).
   * @throws {BtfError} when the member does not exist or is a bitfield not on a byte boundary.
   */
  memberOffset(id: number, path: string | readonly string[]): number {
    const member = this.findMember(id, path);
    const shown = typeof path === "string" ? path : path.join(".");
    if (!member) {
      const outer = this.typeById(this.resolve(id));
      throw new BtfError("Cannot find BTF member", `${outer.kind.toLowerCase()} '${outer.name}' ` +
        `(type id ${id}) has no member '${shown}'`);
    }
    if (member.bitOffset % 8 !== 0) {
      throw new BtfError("Cannot find BTF member", `'${shown}' is a bitfield at bit ` +
        `${member.bitOffset}, not on a byte boundary`);
    }
    return member.bitOffset / 8;
  }

  #findIn(id: number, name: string): BtfMemberRef | undefined {
    const resolved = this.resolve(id);
    const outer = resolved === 0 ? undefined : this.typeById(resolved);
    if (!outer || (outer.kind !== "STRUCT" && outer.kind !== "UNION")) {
      throw new BtfError("Cannot find BTF member", `'${name}': type id ${id} is ` +
        `${outer ? `${outer.kind} '${outer.name}'` : "void"}, not a struct or union`);
    }
    for (const m of outer.members) if (m.name === name) return { ...m };
    for (const m of outer.members) {
      if (m.name !== "") continue;
      const inner = this.resolve(m.type);
      const kind = inner === 0 ? undefined : this.typeById(inner).kind;
      if (kind !== "STRUCT" && kind !== "UNION") continue;
      const found = this.#findIn(inner, name);
      if (found) return { ...found, bitOffset: found.bitOffset + m.bitOffset };
    }
    return undefined;
  }

  #ids(name: string): readonly number[] {
    if (!this.#byName) {
      const index = new Map<string, number[]>();
      let id = this.firstId;
      for (const { name: typeName } of this.types) {
        if (typeName !== "") {
          const ids = index.get(typeName);
          if (ids) ids.push(id);
          else index.set(typeName, [id]);
        }
        id++;
      }
      this.#byName = index;
    }
    return this.#byName.get(name) ?? [];
  }
}
