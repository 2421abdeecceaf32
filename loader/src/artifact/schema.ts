/**
 * The versioned artifact schema: what the compiler hands the runtime. A BPF ELF object (loadable
 * by this loader, libbpf or bpftool) plus what the object cannot say: how each program attaches,
 * record and map layouts for decoding, telemetry names, and the source map. Lives in the loader
 * so a runtime (or another tool) can read artifacts without the compiler.
 */

export const ARTIFACT_VERSION = 1;

/** Layout of a value, C-compatible: what bytes in a map or record mean. */
export type TypeLayout =
  | { kind: "int"; bits: 8 | 16 | 32 | 64; signed: boolean; name: string }
  | { kind: "bool" }
  | { kind: "str"; capacity: number }
  | { kind: "array"; element: TypeLayout; length: number }
  | { kind: "struct"; name: string; fields: { name: string; type: TypeLayout; offset: number }[];
    size: number; align: number }
  | { kind: "void" };

export type AttachKind = "tracepoint" | "rawTracepoint" | "uprobe" | "uretprobe" | "profile" |
  "test";

export interface ArtifactProgram {
  /** Program (and ELF symbol) name. */
  name: string;
  /** ELF section, libbpf style. */
  section: string;
  progType: number;
  attach: {
    kind: AttachKind;
    target: string;
    binary?: string;
    symbol?: string;
    pid?: number;
    hz?: number;
    /** rawTracepoint with { btf: true }: a tp_btf program (attached by its attach_btf_id). */
    btf?: boolean;
  };
  /** Source line of instruction `insn` (first instruction of each line). */
  lines: { insn: number; line: number; column: number }[];
}

export type MapKindName =
  | "HashMap" | "LruHashMap" | "PerCpuHashMap" | "ArrayMap" | "PerCpuArrayMap" | "RingBuf"
  | "PerfEventArray" | "SpanStream" | "StackTraceMap" | "Count" | "Sum" | "Min" | "Max" | "Stats" | "Avg"
  | "Histogram" | "LinearHistogram";

export interface ArtifactMap {
  /** Kernel map name (the ELF symbol in .maps). */
  name: string;
  /** The probe's variable, or the map this hidden map serves. */
  variable: string;
  kind: MapKindName;
  mapType: number;
  maxEntries: number;
  key: TypeLayout;
  value: TypeLayout;
  /** RingBuf: the record type. */
  record?: TypeLayout;
  /** Aggregations: the user's key (the map's key may add a bucket). */
  userKey?: TypeLayout;
  /** Constant options as declared: entries, bytes, name, unit, min/max/step … */
  options: Record<string, number | string | boolean>;
  /** RingBuf: the hidden one-entry global-data array (`.data.<name>_drops`) counting records the kernel refused (buffer full). */
  dropsMap?: string;
  hidden?: boolean;
}

export interface Artifact {
  version: typeof ARTIFACT_VERSION;
  /** The probe's file name and full text (for messages and the source map). */
  source: { file: string; text: string };
  object: Uint8Array;
  programs: ArtifactProgram[];
  maps: ArtifactMap[];
  /** The probe's userspace part, bundled (set by `tsbpf build`). */
  userspace?: string;
  /**
   * False when the module's top level only declares (maps, types, functions, attach points):
   * then there is no userspace part to bundle or run. Absent in older artifacts: assume true.
   */
  hasUserspaceCode?: boolean;
  /**
   * The kernel struct offsets compiled in by kernelOffset(), sorted: they hold for the kernel the
   * probe was compiled for, so a runtime checks them against the running kernel before loading.
   * Absent when the probe uses none.
   */
  kernelOffsets?: ArtifactKernelOffset[];
}

/** One `kernelOffset("struct", "member")` as compiled. */
export interface ArtifactKernelOffset {
  struct: string;
  member: string;
  offset: number;
}
