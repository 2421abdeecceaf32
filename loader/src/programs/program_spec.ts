/**
 * ProgramSpec: the deterministic description of a program (bytecode, type, map references,
 * BTF func/line info, a source map for messages), as opposed to `Program`, the loaded object.
 */

/** A ld_imm64 instruction whose imm must become a map's fd at load time. */
export interface MapReference {
  /** Index of the ld_imm64 instruction (in 8-byte slots). */
  insnIndex: number;
  mapName: string;
  /** BPF_PSEUDO_MAP_FD (1) for the map itself, BPF_PSEUDO_MAP_VALUE (2) for its value + offset. */
  kind?: "fd" | "value";
  /** For "value": offset into the map value. */
  offset?: number;
}

/** Where an instruction came from, for verifier errors and dumps. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** The source line's text, shown in errors. */
  text?: string;
}

export interface ProgramSpec {
  /** Up to 15 bytes reach the kernel. */
  name: string;
  /** ProgType value. */
  type: number;
  /** Encoded bytecode, 8 bytes per slot. */
  instructions: Uint8Array;
  license?: string;
  /** AttachType value, required by some program types (cgroup, tracing, tcx). */
  expectedAttachType?: number;
  /** BTF id of the attach target (tp_btf, fentry); resolved against the kernel's BTF at load. */
  attachBtfId?: number;
  flags?: number;
  mapReferences?: MapReference[];
  /** The ELF section or attach declaration, e.g. "tracepoint/syscalls/sys_enter_openat". */
  section?: string;
  /** func_info and line_info for BPF_PROG_LOAD (records already in kernel layout). */
  btf?: ProgramBtf;
  /** Source location of instruction i (in slots), for verifier errors. */
  sourceOf?: (insnIndex: number) => SourceLocation | undefined;
}

export interface ProgramBtf {
  /** Raw .BTF blob (loaded once per object; see `loadBtf`), or an fd already loaded. */
  fd: number;
  funcInfo?: Uint8Array;
  funcInfoRecSize?: number;
  lineInfo?: Uint8Array;
  lineInfoRecSize?: number;
}
