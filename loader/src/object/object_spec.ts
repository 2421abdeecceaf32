/** The description of a BPF ELF object, ready to load: maps, programs and BTF. */
import type { MapSpec } from "../maps/map_spec.ts";
import type { ProgramSpec } from "../programs/program_spec.ts";
import type { SectionKind } from "./section_kinds.ts";

export interface ObjectMap {
  spec: MapSpec;
  /** BTF key/value type ids in the object's BTF (set on the map when the BTF loads). */
  btfKeyTypeId?: number;
  btfValueTypeId?: number;
  /** Contents of entry 0 after creation (global data: .rodata, .data). */
  initialValue?: Uint8Array;
  /** Freeze after initialising (.rodata: the verifier then treats reads as constants). */
  freeze?: boolean;
}

export interface ObjectProgram {
  /** `spec.btf` is left for the loader to fill with the object's BTF fd. */
  spec: ProgramSpec;
  kind: SectionKind;
  /** func_info and line_info records in kernel layout, against `BpfObjectSpec.btf`. */
  funcInfo?: Uint8Array;
  lineInfo?: Uint8Array;
}

export interface BpfObjectSpec {
  name: string;
  license: string;
  maps: ObjectMap[];
  programs: ObjectProgram[];
  /** The object's .BTF with DATASEC sizes and offsets filled in, as the kernel wants it. */
  btf?: Uint8Array;
  /** Things the reader skipped or could not use; loading still works without them. */
  warnings: string[];
}
