/**
 * The FUNC + FUNC_PROTO pair that describes a BPF program to the kernel, `int name(void *ctx)`
 * style, as clang emits for a libbpf program. The FUNC's id goes into func_info at the
 * program's first instruction. Subprograms use the same shape with static linkage.
 */
import type { BtfBuilder } from "./btf_builder.ts";
import { type BtfParam, intType, type Linkage } from "./types.ts";

/** Options of `addProgramFunc`. */
export interface ProgramFuncOptions {
  /** Parameters; default one `void *ctx`. A parameter without a type is `void *`. */
  params?: readonly { name: string; type?: number }[];
  /** Return type id; default `int`. */
  returnType?: number;
  /** Default "global" (a program); use "static" for subprograms. */
  linkage?: Linkage;
}

/**
 * Adds `int name(void *ctx)` (or the given signature) and returns the FUNC's id. `int`,
 * `void *` and identical prototypes are shared between calls.
 *
 * @example
 * const b = new BtfBuilder();
 * const func = addProgramFunc(b, "on_openat"); // func_info: { insnOff: 0, typeId: func }
 */
export function addProgramFunc(builder: BtfBuilder, name: string,
  options: ProgramFuncOptions = {}): number {
  const returnType = options.returnType ?? builder.intern(intType("int", 4, "signed"));
  const params: BtfParam[] = (options.params ?? [{ name: "ctx" }]).map((p) => ({
    name: p.name,
    type: p.type ?? builder.intern({ kind: "PTR", name: "", type: 0 }),
  }));
  const proto = builder.intern({ kind: "FUNC_PROTO", name: "", returnType, params });
  return builder.add({ kind: "FUNC", name, type: proto, linkage: options.linkage ?? "global" });
}
