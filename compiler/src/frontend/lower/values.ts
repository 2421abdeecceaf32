/**
 * What an expression lowers to. Scalars live in virtual registers; structs, strings and arrays
 * live in memory (a stack slot, or behind a pointer into a map value or the context); a map
 * lookup gives a pointer that may be null until checked.
 */
import type { Address, VReg } from "../../ir/ir.ts";
import type { DslType, IntType } from "../dsl_types.ts";
import type { MapDeclaration } from "../probe_module.ts";

export type Value =
  /** An integer or bool in a register, canonical for its type. */
  | { kind: "scalar"; type: IntType | Extract<DslType, { kind: "bool" }>; reg: VReg }
  /** A compile-time integer; `type` undefined means an untyped literal that adapts. */
  | { kind: "const"; type?: IntType | Extract<DslType, { kind: "bool" }>; value: bigint }
  /** A value in memory at addr + off; `fresh` when it is a temporary nothing else refers to
   * (a struct literal, a string read), which a local may take over instead of copying. */
  | { kind: "place"; type: DslType; addr: Address; off: number; fresh?: boolean }
  /** A map lookup's result: a pointer to the value, or null. */
  | { kind: "maybe"; type: DslType; ptr: VReg; local?: string }
  | { kind: "map"; decl: MapDeclaration }
  | { kind: "ctx"; handler: "tracepoint" | "raw" | "probe" | "test" }
  | { kind: "undefined" }
  | { kind: "void" };
