import { describe, expect, test } from "bun:test";
import { BtfBuilder } from "./btf_builder.ts";
import { parseBtf } from "./btf_parser.ts";
import { addMapDefinitions, decodeMapDefinitions } from "./map_def.ts";
import { intType } from "./types.ts";

const BPF_MAP_TYPE_HASH = 1;
const BPF_MAP_TYPE_ARRAY = 2;
const BPF_MAP_TYPE_RINGBUF = 27;
const BPF_MAP_TYPE_BLOOM_FILTER = 30;
const BPF_MAP_TYPE_HASH_OF_MAPS = 13;

function valueStruct(b: BtfBuilder) {
  const u32 = b.add(intType("unsigned int", 4));
  const u64 = b.add(intType("unsigned long long", 8));
  const value = b.add({ kind: "STRUCT", name: "value", size: 16, members: [
    { name: "count", type: u64, bitOffset: 0, bitfieldSize: 0 },
    { name: "pid", type: u32, bitOffset: 64, bitfieldSize: 0 },
  ] });
  return { u32, value };
}

describe(".maps definitions", () => {
  test("typed, sized and key-less maps survive a round trip", () => {
    const b = new BtfBuilder();
    const { u32, value } = valueStruct(b);
    const added = addMapDefinitions(b, [
      { name: "counts", type: BPF_MAP_TYPE_HASH, maxEntries: 1024, keyTypeId: u32, valueTypeId: value, flags: 1 },
      { name: "events", type: BPF_MAP_TYPE_RINGBUF, maxEntries: 256 * 1024 },
      { name: "sized", type: BPF_MAP_TYPE_ARRAY, maxEntries: 16, keySize: 4, valueSize: 8, pinning: 1 },
    ]);
    expect(added.size).toBe(40 + 16 + 40);
    const [countsVar, eventsVar, sizedVar] = added.varIds as [number, number, number];
    const btf = parseBtf(b.encode());
    const maps = decodeMapDefinitions(btf);
    expect(maps).toEqual([
      { name: "counts", type: BPF_MAP_TYPE_HASH, maxEntries: 1024, keySize: 4, valueSize: 16, flags: 1,
        keyTypeId: u32, valueTypeId: value, varId: countsVar, offset: 0, size: 40 },
      { name: "events", type: BPF_MAP_TYPE_RINGBUF, maxEntries: 262144, keySize: 0, valueSize: 0, flags: 0,
        varId: eventsVar, offset: 40, size: 16 },
      { name: "sized", type: BPF_MAP_TYPE_ARRAY, maxEntries: 16, keySize: 4, valueSize: 8, flags: 0,
        pinning: 1, varId: sizedVar, offset: 56, size: 40 },
    ]);
    expect(decodeMapDefinitions(btf, added.datasecId)).toEqual(maps);
  });

  test("encodes members as libbpf's __uint and __type macros do", () => {
    const b = new BtfBuilder();
    const { u32 } = valueStruct(b);
    const { varIds: [varId = 0], datasecId } = addMapDefinitions(b, [
      { name: "m", type: BPF_MAP_TYPE_HASH, maxEntries: 8, keyTypeId: u32, valueSize: 8 },
    ]);
    const btf = parseBtf(b.encode());
    expect(btf.typeById(datasecId)).toEqual({ kind: "DATASEC", name: ".maps", size: 32,
      vars: [{ type: varId, offset: 0, size: 32 }] });
    const variable = btf.typeOfKind(varId, "VAR");
    expect(variable.linkage).toBe("global");
    const struct = btf.typeOfKind(variable.type, "STRUCT");
    expect(struct.name).toBe("");
    expect(struct.members.map((m) => [m.name, m.bitOffset])).toEqual([
      ["type", 0], ["max_entries", 64], ["key", 128], ["value_size", 192],
    ]);
    // max_entries: int (*)[8]
    const ptr = btf.typeOfKind(struct.members[1]!.type, "PTR");
    const array = btf.typeOfKind(ptr.type, "ARRAY");
    expect(array.nelems).toBe(8);
    expect(btf.typeById(array.type)).toEqual(intType("int", 4, "signed"));
    expect(btf.typeById(array.indexType).name).toBe("__ARRAY_SIZE_TYPE__");
    // key: __u32 *
    expect(btf.typeOfKind(struct.members[2]!.type, "PTR").type).toBe(u32);
  });

  test("shares int, the index type and equal int (*)[N] types between maps", () => {
    const b = new BtfBuilder();
    addMapDefinitions(b, [{ name: "a", type: 2, maxEntries: 2 }]);
    const before = b.nextId;
    addMapDefinitions(b, [{ name: "b", type: 2, maxEntries: 2 }]);
    expect(b.nextId - before).toBe(3); // STRUCT, VAR, DATASEC only
  });

  test("map_extra beyond int (*)[N] range is written as an enum, as __ulong does", () => {
    const b = new BtfBuilder();
    addMapDefinitions(b, [
      { name: "bloom", type: BPF_MAP_TYPE_BLOOM_FILTER, maxEntries: 100, valueSize: 8, mapExtra: 3n },
      { name: "arena", type: 33, maxEntries: 10, mapExtra: 0x1_0000_0000n },
      { name: "mid", type: 33, maxEntries: 10, mapExtra: 0x8000_0000n },
    ]);
    const maps = decodeMapDefinitions(parseBtf(b.encode()));
    expect(maps.map((m) => m.mapExtra)).toEqual([3n, 0x1_0000_0000n, 0x8000_0000n]);
  });

  test("rejects numbers the kernel would refuse as int (*)[N]", () => {
    const b = new BtfBuilder();
    expect(() => addMapDefinitions(b, [{ name: "huge", type: 27, maxEntries: 2 ** 30 }]))
      .toThrow("Cannot describe map 'huge': max_entries 1073741824 is not an integer in 0..1073741823");
  });

  test("a BTF without .maps has no map definitions", () => {
    expect(decodeMapDefinitions(parseBtf(new BtfBuilder().encode()))).toEqual([]);
  });

  test("reads a map-in-map's inner definition from __array(values, ...)", () => {
    const b = new BtfBuilder();
    const int = b.add(intType("int", 4, "signed"));
    const arr = (n: number) => b.add({ kind: "PTR", name: "", type:
      b.add({ kind: "ARRAY", name: "", type: int, indexType: int, nelems: n }) });
    const inner = b.add({ kind: "STRUCT", name: "inner_map", size: 32, members: [
      { name: "type", type: arr(BPF_MAP_TYPE_ARRAY), bitOffset: 0, bitfieldSize: 0 },
      { name: "max_entries", type: arr(1), bitOffset: 64, bitfieldSize: 0 },
      { name: "key", type: b.add({ kind: "PTR", name: "", type: int }), bitOffset: 128, bitfieldSize: 0 },
      { name: "value", type: b.add({ kind: "PTR", name: "", type: int }), bitOffset: 192, bitfieldSize: 0 },
    ] });
    const values = b.add({ kind: "ARRAY", name: "", type: b.add({ kind: "PTR", name: "", type: inner }),
      indexType: int, nelems: 0 });
    const outer = b.add({ kind: "STRUCT", name: "", size: 40, members: [
      { name: "type", type: arr(BPF_MAP_TYPE_HASH_OF_MAPS), bitOffset: 0, bitfieldSize: 0 },
      { name: "max_entries", type: arr(4), bitOffset: 64, bitfieldSize: 0 },
      { name: "key", type: b.add({ kind: "PTR", name: "", type: int }), bitOffset: 128, bitfieldSize: 0 },
      { name: "values", type: values, bitOffset: 192, bitfieldSize: 0 },
    ] });
    const v = b.add({ kind: "VAR", name: "outer", type: outer, linkage: "global" });
    b.add({ kind: "DATASEC", name: ".maps", size: 0, vars: [{ type: v, offset: 0, size: 40 }] });
    const map = decodeMapDefinitions(parseBtf(b.encode()))[0]!;
    expect(map.valueSize).toBe(4);
    expect(map.inner).toEqual({ name: "outer.inner", type: BPF_MAP_TYPE_ARRAY, maxEntries: 1, keySize: 4,
      valueSize: 4, flags: 0, keyTypeId: int, valueTypeId: int });
  });

  test("rejects unknown fields and contradicting key sizes, naming the map", () => {
    const b = new BtfBuilder();
    const int = b.add(intType("int", 4, "signed"));
    const ptr8 = b.add({ kind: "PTR", name: "", type:
      b.add({ kind: "ARRAY", name: "", type: int, indexType: int, nelems: 8 }) });
    const struct = (name: string) => b.add({ kind: "STRUCT", name: "", size: 16, members: [
      { name: "key", type: b.add({ kind: "PTR", name: "", type: int }), bitOffset: 0, bitfieldSize: 0 },
      { name, type: ptr8, bitOffset: 64, bitfieldSize: 0 },
    ] });
    const odd = b.add({ kind: "VAR", name: "odd", type: struct("colour"), linkage: "global" });
    const clash = b.add({ kind: "VAR", name: "clash", type: struct("key_size"), linkage: "global" });
    const one = b.add({ kind: "DATASEC", name: ".maps", size: 16, vars: [{ type: odd, offset: 0, size: 16 }] });
    const two = b.add({ kind: "DATASEC", name: "other", size: 16, vars: [{ type: clash, offset: 0, size: 16 }] });
    const btf = parseBtf(b.encode());
    expect(() => decodeMapDefinitions(btf, one)).toThrow("Cannot read map definition 'odd': unknown field 'colour'");
    expect(() => decodeMapDefinitions(btf, two)).toThrow("key_size 8 differs from the size of its key type (4)");
  });
});
