/**
 * Builds a ProgramSpec from assembled instructions (the asm module's `Instruction[]`), turning
 * their symbolic map references into the spec's `mapReferences`. For hand-written programs and
 * tests; the compiler and the ELF reader build specs their own way.
 */
import { encode, type Instruction, references } from "../asm/mod.ts";
import type { ProgramSpec } from "./program_spec.ts";

export function programSpec(name: string, type: number, instructions: readonly Instruction[],
  extra: Partial<ProgramSpec> = {}): ProgramSpec {
  const mapReferences = references(instructions)
    .filter((ref) => ref.kind === "map")
    .map((ref) => {
      const insn = instructions[ref.index]!;
      const value = insn.src === 2;
      return { insnIndex: ref.slot, mapName: ref.name, kind: value ? "value" as const : "fd" as const,
        offset: value ? Number((insn.imm64 ?? 0n) >> 32n) | 0 : undefined };
    });
  return { name, type, instructions: encode(instructions), mapReferences, ...extra };
}
