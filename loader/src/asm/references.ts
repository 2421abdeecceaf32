/**
 * Symbolic references in an instruction list — the names that `mapRef` and `callTarget`
 * carry (see instruction.ts) — listed for an artifact writer and patched by the loader or
 * linker. This module only rewrites instruction fields; creating maps, laying out functions and
 * looking kfuncs up in kernel BTF happen elsewhere.
 *
 * ```ts
 * const pending = references(program);          // [{ kind: "map", name: "counts", slot: 4, … }]
 * const loadable = resolveReferences(program, { maps: { counts: countsFd } });
 * ```
 */
import { AsmError } from "./asm_error.ts";
import { type Instruction, isLdImm64, slotIndices } from "./instruction.ts";
import { Pseudo, PseudoCall } from "./opcodes.ts";

/**
 * What a reference names:
 * - `map`: an ld_imm64 map load (`mapRef`), patched with the map's fd;
 * - `call`: a bpf-to-bpf CALL (`callTarget`), patched with the pc-relative offset of the callee;
 * - `func`: an ld_imm64 of a function's address (BPF_PSEUDO_FUNC), patched like `call`;
 * - `kfunc`: a kfunc CALL, patched with the kfunc's BTF id (and, for a module kfunc, `off`).
 */
export type ReferenceKind = "map" | "call" | "func" | "kfunc";

/** One unresolved symbolic reference. */
export interface Reference {
  readonly kind: ReferenceKind;
  readonly name: string;
  /** Index of the instruction in the list. */
  readonly index: number;
  /** Slot index of the instruction (what ELF relocations and jump offsets count). */
  readonly slot: number;
}

function kindOf(instruction: Instruction): ReferenceKind | undefined {
  if (instruction.mapRef !== undefined) return "map";
  if (instruction.callTarget === undefined) return undefined;
  if (isLdImm64(instruction)) return instruction.src === Pseudo.FUNC ? "func" : undefined;
  if (instruction.src === PseudoCall.CALL) return "call";
  if (instruction.src === PseudoCall.KFUNC_CALL) return "kfunc";
  return undefined;
}

/** The symbolic references of a list, in instruction order. */
export function references(instructions: readonly Instruction[]): Reference[] {
  const slots = slotIndices(instructions);
  const result: Reference[] = [];
  instructions.forEach((instruction, index) => {
    const kind = kindOf(instruction);
    if (kind === undefined) return;
    const name = kind === "map" ? instruction.mapRef! : instruction.callTarget!;
    result.push({ kind, name, index, slot: slots[index]! });
  });
  return result;
}

type Table<T> = Readonly<Record<string, T>> | ReadonlyMap<string, T>;

/** Values to patch in, by name. A kind whose table is absent is left unresolved. */
export interface Resolutions {
  /** Map fds by map name. */
  maps?: Table<number>;
  /** Slot index of each function's first instruction in the same list, by function name. */
  functions?: Table<number>;
  /** BTF id by kfunc name; `{ id, off }` for a kfunc in a module (off = fd_array index). */
  kfuncs?: Table<number | { id: number; off: number }>;
}

function lookup<T>(table: Table<T>, name: string): T | undefined {
  return table instanceof Map ? table.get(name) : (table as Record<string, T>)[name];
}

/**
 * A copy of the list with references patched from `resolutions`, their names removed. Map
 * loads keep the value offset in the high 32 bits of `imm64`.
 *
 * @throws AsmError when a table is given but lacks a name the list references.
 */
export function resolveReferences(
  instructions: readonly Instruction[],
  resolutions: Resolutions,
): Instruction[] {
  const result = [...instructions];
  for (const ref of references(instructions)) {
    const table = ref.kind === "map"
      ? resolutions.maps
      : ref.kind === "kfunc"
      ? resolutions.kfuncs
      : resolutions.functions;
    if (table === undefined) continue;
    const value = lookup<number | { id: number; off: number }>(table, ref.name);
    if (value === undefined) {
      const what = ref.kind === "map" ? "map" : ref.kind === "kfunc" ? "kfunc" : "function";
      throw new AsmError(
        `Cannot resolve ${what} '${ref.name}' of instruction ${ref.index}: it is not defined`,
        ref.index,
      );
    }
    result[ref.index] = patch(instructions[ref.index]!, ref, value);
  }
  return result;
}

function patch(
  instruction: Instruction,
  ref: Reference,
  value: number | { id: number; off: number },
): Instruction {
  const { mapRef: _m, callTarget: _c, ...rest } = instruction;
  if (ref.kind === "kfunc") {
    return typeof value === "number"
      ? { ...rest, imm: value | 0 }
      : { ...rest, imm: value.id | 0, off: value.off };
  }
  const number = value as number;
  if (ref.kind === "map") {
    const high = (instruction.imm64 ?? 0n) & 0xffffffff_00000000n;
    return { ...rest, imm: number | 0, imm64: high | BigInt(number >>> 0) };
  }
  const imm = number - (ref.slot + 1);
  return ref.kind === "func" ? { ...rest, imm, imm64: BigInt(imm >>> 0) } : { ...rest, imm };
}
