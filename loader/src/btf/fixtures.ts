/** Test fixtures shared by the BTF tests (not exported from mod.ts). */
import { type BtfType, intType } from "./types.ts";

/** One type of every kind, with ids 1..N in this order. */
export function everyKind(): BtfType[] {
  return [
    intType("int", 4, "signed"), // 1
    { kind: "PTR", name: "", type: 1 }, // 2
    { kind: "ARRAY", name: "", type: 1, indexType: 1, nelems: 16 }, // 3
    { kind: "STRUCT", name: "point", size: 8, members: [
      { name: "x", type: 1, bitOffset: 0, bitfieldSize: 0 },
      { name: "y", type: 1, bitOffset: 32, bitfieldSize: 0 },
    ] }, // 4
    { kind: "UNION", name: "either", size: 4, members: [
      { name: "lo", type: 1, bitOffset: 0, bitfieldSize: 3 },
      { name: "hi", type: 1, bitOffset: 0, bitfieldSize: 29 },
    ] }, // 5
    { kind: "ENUM", name: "color", size: 4, signed: true, values: [
      { name: "RED", value: -1 }, { name: "GREEN", value: 2 },
    ] }, // 6
    { kind: "FWD", name: "later", union: true }, // 7
    { kind: "TYPEDEF", name: "pid_t", type: 1 }, // 8
    { kind: "VOLATILE", name: "", type: 1 }, // 9
    { kind: "CONST", name: "", type: 9 }, // 10
    { kind: "RESTRICT", name: "", type: 2 }, // 11
    { kind: "FUNC_PROTO", name: "", returnType: 1, params: [
      { name: "ctx", type: 2 }, { name: "", type: 0 },
    ] }, // 12
    { kind: "FUNC", name: "handler", type: 12, linkage: "global" }, // 13
    { kind: "VAR", name: "counter", type: 1, linkage: "static" }, // 14
    { kind: "DATASEC", name: ".data", size: 4, vars: [{ type: 14, offset: 0, size: 4 }] }, // 15
    { kind: "FLOAT", name: "double", size: 8 }, // 16
    { kind: "DECL_TAG", name: "user", type: 4, componentIdx: 1, attribute: false }, // 17
    { kind: "TYPE_TAG", name: "percpu", type: 1, attribute: true }, // 18
    { kind: "ENUM64", name: "big", size: 8, signed: false, values: [
      { name: "HUGE", value: 0xfedcba9876543210n }, { name: "SMALL", value: 1n },
    ] }, // 19
  ];
}
