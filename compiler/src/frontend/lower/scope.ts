/**
 * Lexical scopes of a kernel function: locals by name (with their storage), and which
 * nullable map lookups have been checked on the current path.
 */
import type { VReg } from "../../ir/ir.ts";
import type { DslType } from "../dsl_types.ts";
import type { Value } from "./values.ts";

export type Local =
  | { kind: "reg"; type: Extract<Value, { kind: "scalar" }>["type"]; reg: VReg; mutable: boolean }
  | { kind: "const"; value: Extract<Value, { kind: "const" }> }
  | { kind: "place"; type: DslType; slot: number; mutable: boolean }
  | { kind: "maybe"; type: DslType; ptr: VReg }
  | { kind: "alias"; value: Value };

export class Scope {
  readonly locals = new Map<string, Local>();
  /** Names of `maybe` locals known to be non-null here. */
  readonly checked = new Set<string>();

  constructor(readonly parent?: Scope) {}

  lookup(name: string): Local | undefined {
    return this.locals.get(name) ?? this.parent?.lookup(name);
  }

  isChecked(name: string): boolean {
    return this.checked.has(name) || (this.parent?.isChecked(name) ?? false);
  }
}
