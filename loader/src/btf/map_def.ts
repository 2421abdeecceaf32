/**
 * Map definitions in libbpf's BTF-defined `.maps` convention, both ways.
 *
 * A map is a global VAR in the DATASEC ".maps" whose type is an anonymous STRUCT of pointer
 * members, exactly what libbpf's macros produce in C:
 *   `__uint(max_entries, 1024)` → member `int (*max_entries)[1024]` (PTR → ARRAY of int, nelems 1024)
 *   `__type(key, __u32)`        → member `__u32 *key` (PTR → the key type)
 *   `__ulong(map_extra, v)`     → member of an anonymous enum whose one value is v
 *   `__array(values, struct inner)` → member `struct inner *values[]` (map-in-map)
 * `addMapDefinitions` writes them into a `BtfBuilder`; `decodeMapDefinitions` reads them from a
 * parsed `Btf` (for example a clang-compiled object's .BTF). Creating the maps is the loader's job.
 */
import type { Btf } from "./btf.ts";
import type { BtfBuilder } from "./btf_builder.ts";
import { BtfError } from "./btf_error.ts";
import { type BtfMember, type BtfVarSecinfo, intType } from "./types.ts";

/** A map to describe in `.maps`. A key or value type id wins over a size. */
export interface MapDefinitionSpec {
  name: string;
  /** BPF_MAP_TYPE_* number. */
  type: number;
  maxEntries: number;
  keySize?: number;
  valueSize?: number;
  /** BTF type id of the key (written as `__type(key, T)`). */
  keyTypeId?: number;
  /** BTF type id of the value (written as `__type(value, T)`). */
  valueTypeId?: number;
  /** BPF_F_* map flags. */
  flags?: number;
  /** LIBBPF_PIN_* (1 = pin by name). */
  pinning?: number;
  numaNode?: number;
  /** map_extra (bloom filter hash count, arena address…). */
  mapExtra?: bigint;
}

/** A map definition read from `.maps`; absent numeric fields read as 0. */
export interface MapDefinition {
  name: string;
  type: number;
  maxEntries: number;
  keySize: number;
  valueSize: number;
  flags: number;
  keyTypeId?: number;
  valueTypeId?: number;
  pinning?: number;
  numaNode?: number;
  mapExtra?: bigint;
  /** The inner map of a map-in-map (`__array(values, struct {...})`). */
  inner?: MapDefinition;
}

/** A map definition as a VAR of a `.maps` DATASEC. */
export interface MapDefinitionEntry extends MapDefinition {
  /** The VAR's type id. */
  varId: number;
  /** Offset and size in the `.maps` section per the DATASEC (clang leaves offsets 0; use the ELF symbol). */
  offset: number;
  size: number;
}

/** What `addMapDefinitions` added. */
export interface AddedMapDefinitions {
  datasecId: number;
  /** VAR ids, in the order of the specs. */
  varIds: number[];
  /** Size of the `.maps` section these definitions describe (8 bytes per member). */
  size: number;
}

/** The largest N in `int (*)[N]` the kernel accepts (the array must stay below 4 GiB). */
const MAX_UINT_FIELD = 0x3fffffff;

/**
 * Adds one VAR per map and the `.maps` DATASEC listing them back to back. Shared types (`int`,
 * `int (*)[N]`) are interned. The kernel itself only reads the key and value type ids (given
 * to BPF_MAP_CREATE); the rest is for loaders and tools such as bpftool.
 * @throws {BtfError} when a number does not fit an `int (*)[N]` member.
 *
 * @example
 * const u32 = b.add(intType("unsigned int", 4));
 * addMapDefinitions(b, [{ name: "counts", type: 1, maxEntries: 1024, keyTypeId: u32, valueTypeId: u32 }]);
 */
export function addMapDefinitions(builder: BtfBuilder, maps: readonly MapDefinitionSpec[]):
  AddedMapDefinitions {
  const varIds: number[] = [];
  const vars: BtfVarSecinfo[] = [];
  let offset = 0;
  for (const spec of maps) {
    const members = mapMembers(builder, spec);
    const size = members.length * 8;
    const struct = builder.add({ kind: "STRUCT", name: "", size, members });
    const varId = builder.add({ kind: "VAR", name: spec.name, type: struct, linkage: "global" });
    varIds.push(varId);
    vars.push({ type: varId, offset, size });
    offset += size;
  }
  const datasecId = builder.add({ kind: "DATASEC", name: ".maps", size: offset, vars });
  return { datasecId, varIds, size: offset };
}

function mapMembers(b: BtfBuilder, spec: MapDefinitionSpec): BtfMember[] {
  const members: BtfMember[] = [];
  const push = (name: string, type: number) =>
    members.push({ name, type, bitOffset: members.length * 64, bitfieldSize: 0 });
  const uint = (name: string, value: number) => push(name, uintField(b, spec.name, name, value));
  const typed = (name: string, type: number) =>
    push(name, b.intern({ kind: "PTR", name: "", type }));
  uint("type", spec.type);
  uint("max_entries", spec.maxEntries);
  if (spec.keyTypeId !== undefined) typed("key", spec.keyTypeId);
  else if (spec.keySize !== undefined) uint("key_size", spec.keySize);
  if (spec.valueTypeId !== undefined) typed("value", spec.valueTypeId);
  else if (spec.valueSize !== undefined) uint("value_size", spec.valueSize);
  if (spec.flags) uint("map_flags", spec.flags);
  if (spec.pinning) uint("pinning", spec.pinning);
  if (spec.numaNode !== undefined) uint("numa_node", spec.numaNode);
  if (spec.mapExtra !== undefined) {
    if (spec.mapExtra >= 0n && spec.mapExtra <= BigInt(MAX_UINT_FIELD)) {
      uint("map_extra", Number(spec.mapExtra));
    } else {
      const valueName = `__${spec.name}_map_extra`;
      const value = BigInt.asUintN(64, spec.mapExtra);
      push("map_extra", value < 2n ** 32n
        ? b.add({ kind: "ENUM", name: "", size: 4, signed: false,
          values: [{ name: valueName, value: Number(value) }] })
        : b.add({ kind: "ENUM64", name: "", size: 8, signed: false,
          values: [{ name: valueName, value }] }));
    }
  }
  return members;
}

/** `int (*)[value]`, as `__uint(name, value)` spells it. */
function uintField(b: BtfBuilder, map: string, field: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_UINT_FIELD) {
    throw new BtfError(`Cannot describe map '${map}'`, `${field} ${value} is not an integer in ` +
      `0..${MAX_UINT_FIELD}`, "the kernel rejects int (*)[N] arrays of 4 GiB or more");
  }
  const int = b.intern(intType("int", 4, "signed"));
  const index = b.intern(intType("__ARRAY_SIZE_TYPE__", 4));
  const array = b.intern({ kind: "ARRAY", name: "", type: int, indexType: index, nelems: value });
  return b.intern({ kind: "PTR", name: "", type: array });
}

/**
 * Reads every map definition of a `.maps` DATASEC (found by name when `datasecId` is omitted;
 * no such section gives []).
 * @throws {BtfError} for a VAR that is not a struct of pointers, unknown fields (as libbpf),
 *   or a key/key_size mismatch.
 */
export function decodeMapDefinitions(btf: Btf, datasecId?: number): MapDefinitionEntry[] {
  const id = datasecId ?? btf.typeByName(".maps", "DATASEC")?.id;
  if (id === undefined) return [];
  return btf.typeOfKind(id, "DATASEC").vars.map((v) => {
    const variable = btf.typeOfKind(v.type, "VAR");
    return { ...decodeStruct(btf, variable.name, variable.type), varId: v.type, offset: v.offset,
      size: v.size };
  });
}

function decodeStruct(btf: Btf, name: string, typeId: number): MapDefinition {
  const fail = (detail: string): never => {
    throw new BtfError(`Cannot read map definition '${name}'`, detail);
  };
  const struct = btf.typeById(btf.resolve(typeId));
  if (struct.kind !== "STRUCT") return fail(`its type is ${struct.kind}, expected a struct`);
  const def: MapDefinition = { name, type: 0, maxEntries: 0, keySize: 0, valueSize: 0, flags: 0 };
  let keySize: number | undefined;
  let valueSize: number | undefined;
  for (const m of struct.members) {
    const number = () => Number(numericField(btf, m, fail));
    const pointee = () => {
      const ptr = btf.typeById(btf.resolve(m.type));
      return ptr.kind === "PTR" ? ptr.type : fail(`field '${m.name}' is ${ptr.kind}, expected a pointer`);
    };
    switch (m.name) {
      case "type": def.type = number(); break;
      case "max_entries": def.maxEntries = number(); break;
      case "map_flags": def.flags = number(); break;
      case "pinning": def.pinning = number(); break;
      case "numa_node": def.numaNode = number(); break;
      case "map_extra": def.mapExtra = numericField(btf, m, fail); break;
      case "key_size": keySize = number(); break;
      case "value_size": valueSize = number(); break;
      case "key": def.keyTypeId = pointee(); def.keySize = btf.typeSize(def.keyTypeId); break;
      case "value": def.valueTypeId = pointee(); def.valueSize = btf.typeSize(def.valueTypeId); break;
      case "values": def.inner = innerMap(btf, name, m, fail); valueSize ??= 4; break;
      default: fail(`unknown field '${m.name}'`);
    }
  }
  if (keySize !== undefined) {
    if (def.keyTypeId !== undefined && def.keySize !== keySize) {
      fail(`key_size ${keySize} differs from the size of its key type (${def.keySize})`);
    }
    def.keySize = keySize;
  }
  if (valueSize !== undefined) {
    if (def.valueTypeId !== undefined && def.valueSize !== valueSize) {
      fail(`value_size ${valueSize} differs from the size of its value type (${def.valueSize})`);
    }
    def.valueSize = valueSize;
  }
  return def;
}

/** The number in an `int (*)[N]` member, or the first value of an enum member (`__ulong`). */
function numericField(btf: Btf, m: BtfMember, fail: (detail: string) => never): bigint {
  const t = btf.typeById(btf.resolve(m.type));
  if (t.kind === "PTR") {
    const array = btf.typeById(btf.resolve(t.type));
    if (array.kind === "ARRAY") return BigInt(array.nelems);
  }
  if (t.kind === "ENUM" || t.kind === "ENUM64") {
    const first = t.values[0];
    if (first) return BigInt(first.value);
  }
  return fail(`field '${m.name}' is ${t.kind}, expected int (*)[N] (__uint) or an enum (__ulong)`);
}

/** `__array(values, struct {...})`: the inner map definition; undefined for program arrays. */
function innerMap(btf: Btf, name: string, m: BtfMember,
  fail: (detail: string) => never): MapDefinition | undefined {
  const array = btf.typeById(btf.resolve(m.type));
  if (array.kind !== "ARRAY") return fail(`field 'values' is ${array.kind}, expected an array`);
  const ptr = btf.typeById(btf.resolve(array.type));
  if (ptr.kind !== "PTR") return fail(`field 'values' holds ${ptr.kind}, expected pointers`);
  const target = btf.resolve(ptr.type);
  if (target !== 0 && btf.typeById(target).kind === "STRUCT") {
    return decodeStruct(btf, `${name}.inner`, target);
  }
  return undefined;
}
