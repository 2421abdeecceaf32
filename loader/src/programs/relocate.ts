/**
 * Patches a program's map references: each named ld_imm64 gets the map's fd and the pseudo
 * source register that tells the kernel the immediate is a map (BPF_PSEUDO_MAP_FD) or a
 * pointer into its value (BPF_PSEUDO_MAP_VALUE).
 */
import { LD_IMM64, Pseudo } from "../asm/mod.ts";
import type { BpfMap } from "../maps/bpf_map.ts";
import type { ProgramSpec } from "./program_spec.ts";


/** A copy of the spec's bytecode with every map reference resolved. */
export function patchMapReferences(spec: ProgramSpec,
  maps?: Record<string, BpfMap> | Map<string, BpfMap>): Uint8Array {
  const refs = spec.mapReferences ?? [];
  if (spec.instructions.length % 8 !== 0) {
    throw new Error(`Program '${spec.name}': bytecode length ${spec.instructions.length} is not ` +
      "a multiple of 8");
  }
  if (refs.length === 0) return spec.instructions;
  const code = spec.instructions.slice();
  const view = new DataView(code.buffer);
  const find = (name: string) => maps instanceof Map ? maps.get(name) : maps?.[name];
  for (const ref of refs) {
    const at = ref.insnIndex * 8;
    if (at + 16 > code.length || code[at] !== LD_IMM64) {
      throw new Error(`Program '${spec.name}': map reference '${ref.mapName}' points at ` +
        `instruction ${ref.insnIndex}, which is not a ld_imm64`);
    }
    const map = find(ref.mapName);
    if (!map) {
      const known = maps instanceof Map ? [...maps.keys()] : Object.keys(maps ?? {});
      throw new Error(`Program '${spec.name}' uses map '${ref.mapName}', which was not loaded ` +
        `(maps given: ${known.join(", ") || "none"})`);
    }
    const value = ref.kind === "value";
    code[at + 1] = (code[at + 1]! & 0x0f) | ((value ? Pseudo.MAP_VALUE : Pseudo.MAP_FD) << 4);
    view.setInt32(at + 4, map.fd, true);
    view.setInt32(at + 12, value ? ref.offset ?? 0 : 0, true);
  }
  return code;
}
