/**
 * The BTF type model: one plain object per BTF kind, as the kernel's Documentation/bpf/btf.rst
 * describes them, with names as strings and references as type ids (0 is `void`).
 *
 * This module only describes types; `BtfBuilder` encodes them and `parseBtf` decodes them. The
 * objects are the same on both sides, so a parsed type can be added to a builder unchanged.
 */

/** The kind names, in the order of their kernel numbers (BTF_KIND_INT = 1 … BTF_KIND_ENUM64 = 19). */
export const BTF_KIND_NAMES = [
  "VOID", "INT", "PTR", "ARRAY", "STRUCT", "UNION", "ENUM", "FWD", "TYPEDEF", "VOLATILE", "CONST",
  "RESTRICT", "FUNC", "FUNC_PROTO", "VAR", "DATASEC", "FLOAT", "DECL_TAG", "TYPE_TAG", "ENUM64",
] as const;

/** A BTF kind name such as "STRUCT" (excluding the pseudo-kind "VOID" of type id 0). */
export type BtfKind = Exclude<typeof BTF_KIND_NAMES[number], "VOID">;

/** The kernel's number for a kind: `btfKindNumber("STRUCT") === 4`. */
export function btfKindNumber(kind: BtfKind): number {
  return BTF_KIND_NAMES.indexOf(kind);
}

/** How an INT is interpreted (BTF_INT_SIGNED, BTF_INT_CHAR, BTF_INT_BOOL or none). */
export type IntEncoding = "none" | "signed" | "char" | "bool";

/** Linkage of a FUNC or VAR: static (0), global (1), extern (2). */
export type Linkage = "static" | "global" | "extern";

/** An integer type, `int` or `unsigned long`; `bits` may be less than `size * 8`. */
export interface BtfInt {
  kind: "INT";
  name: string;
  /** Size in bytes. */
  size: number;
  encoding: IntEncoding;
  /** Bit offset of the value inside its storage (0 for ordinary integers). */
  bitOffset: number;
  /** Number of value bits. */
  bits: number;
}

/** A pointer to `type`. */
export interface BtfPtr {
  kind: "PTR";
  name: string;
  type: number;
}

/** An array of `nelems` elements of `type`, indexed by the integer type `indexType`. */
export interface BtfArray {
  kind: "ARRAY";
  name: string;
  type: number;
  indexType: number;
  nelems: number;
}

/** A struct or union member. `bitfieldSize` is 0 for members that are not bitfields. */
export interface BtfMember {
  name: string;
  type: number;
  /** Offset from the start of the struct, in bits. */
  bitOffset: number;
  bitfieldSize: number;
}

/**
 * A struct. When any member has a non-zero `bitfieldSize` the encoder sets the kind flag and
 * packs `bitfieldSize << 24 | bitOffset` into each member's offset, as the kernel expects.
 */
export interface BtfStruct {
  kind: "STRUCT";
  name: string;
  size: number;
  members: BtfMember[];
}

/** A union; members are laid out like a struct's (usually all at bit offset 0). */
export interface BtfUnion {
  kind: "UNION";
  name: string;
  size: number;
  members: BtfMember[];
}

/** One enumerator of an ENUM. */
export interface BtfEnumValue {
  name: string;
  value: number;
}

/** An enum with 32-bit values; `signed` is the kind flag (values read as s32, else u32). */
export interface BtfEnum {
  kind: "ENUM";
  name: string;
  size: number;
  signed: boolean;
  values: BtfEnumValue[];
}

/** A forward declaration of a struct (`union: false`) or union. */
export interface BtfFwd {
  kind: "FWD";
  name: string;
  union: boolean;
}

/** `typedef <type> name`. */
export interface BtfTypedef {
  kind: "TYPEDEF";
  name: string;
  type: number;
}

/** A `volatile` qualifier on `type`. */
export interface BtfVolatile {
  kind: "VOLATILE";
  name: string;
  type: number;
}

/** A `const` qualifier on `type`. */
export interface BtfConst {
  kind: "CONST";
  name: string;
  type: number;
}

/** A `restrict` qualifier on `type`. */
export interface BtfRestrict {
  kind: "RESTRICT";
  name: string;
  type: number;
}

/** A function: a name, its FUNC_PROTO `type`, and its linkage. */
export interface BtfFunc {
  kind: "FUNC";
  name: string;
  type: number;
  linkage: Linkage;
}

/** A function parameter; a last parameter with type 0 and no name marks `...`. */
export interface BtfParam {
  name: string;
  type: number;
}

/** A function signature: return type (0 for void) and parameters. */
export interface BtfFuncProto {
  kind: "FUNC_PROTO";
  name: string;
  returnType: number;
  params: BtfParam[];
}

/** A global or static variable. */
export interface BtfVar {
  kind: "VAR";
  name: string;
  type: number;
  linkage: Linkage;
}

/** A variable's place in a DATASEC: the VAR's type id, its offset and size in bytes. */
export interface BtfVarSecinfo {
  type: number;
  offset: number;
  size: number;
}

/** An ELF data section (".maps", ".data", ".bss", ".rodata") and the variables in it. */
export interface BtfDatasec {
  kind: "DATASEC";
  name: string;
  size: number;
  vars: BtfVarSecinfo[];
}

/** A floating-point type. */
export interface BtfFloat {
  kind: "FLOAT";
  name: string;
  size: number;
}

/**
 * A declaration tag whose text is `name`, on `type` (componentIdx -1) or on one of its members
 * or parameters. `attribute` (the kind flag, kernel 6.14+) marks an `__attribute__` tag.
 */
export interface BtfDeclTag {
  kind: "DECL_TAG";
  name: string;
  type: number;
  componentIdx: number;
  attribute: boolean;
}

/** A type tag whose text is `name`, applied to `type`; `attribute` as for DECL_TAG. */
export interface BtfTypeTag {
  kind: "TYPE_TAG";
  name: string;
  type: number;
  attribute: boolean;
}

/** One enumerator of an ENUM64. */
export interface BtfEnum64Value {
  name: string;
  value: bigint;
}

/** An enum with 64-bit values; `signed` is the kind flag (values read as s64, else u64). */
export interface BtfEnum64 {
  kind: "ENUM64";
  name: string;
  size: number;
  signed: boolean;
  values: BtfEnum64Value[];
}

/** Any BTF type. Switch on `kind` to narrow. */
export type BtfType =
  | BtfInt | BtfPtr | BtfArray | BtfStruct | BtfUnion | BtfEnum | BtfFwd | BtfTypedef
  | BtfVolatile | BtfConst | BtfRestrict | BtfFunc | BtfFuncProto | BtfVar | BtfDatasec
  | BtfFloat | BtfDeclTag | BtfTypeTag | BtfEnum64;

/** The type object of one kind: `BtfTypeOf<"STRUCT">` is `BtfStruct`. */
export type BtfTypeOf<K extends BtfKind> = Extract<BtfType, { kind: K }>;

/**
 * An ordinary integer type of `size` bytes using all its bits.
 * @example intType("unsigned int", 4); intType("int", 4, "signed")
 */
export function intType(name: string, size: number, encoding: IntEncoding = "none"): BtfInt {
  return { kind: "INT", name, size, encoding, bitOffset: 0, bits: size * 8 };
}

/** Kinds that only qualify or rename another type; sizes and members pass through them. */
export function isModifierKind(kind: BtfKind): boolean {
  return kind === "TYPEDEF" || kind === "VOLATILE" || kind === "CONST" || kind === "RESTRICT" ||
    kind === "TYPE_TAG";
}

/** The type ids a type refers to (its `type`, members, parameters, variables…), in order. */
export function referencedTypeIds(t: BtfType): number[] {
  switch (t.kind) {
    case "INT": case "FWD": case "FLOAT": case "ENUM": case "ENUM64":
      return [];
    case "ARRAY":
      return [t.type, t.indexType];
    case "STRUCT": case "UNION":
      return t.members.map((m) => m.type);
    case "FUNC_PROTO":
      return [t.returnType, ...t.params.map((p) => p.type)];
    case "DATASEC":
      return t.vars.map((v) => v.type);
    default:
      return [t.type];
  }
}
