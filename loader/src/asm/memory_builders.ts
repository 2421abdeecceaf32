/**
 * Load and store builders: `ldx`, `stx`, `st`, `atomic`, the legacy packet loads, and the
 * ld_imm64 family (`ldImm64`, map loads by fd or by name, function addresses). Operand order
 * follows the kernel's BPF_*_MEM macros. Part of the assembler (see assembler.ts).
 */
import { AsmError } from "./asm_error.ts";
import { checkImm32, checkOff16, checkReg, make } from "./builder_fields.ts";
import { type Instruction, low32 } from "./instruction.ts";
import type { JumpTarget } from "./jump_builders.ts";
import { type AtomicOp, Class, LD_IMM64, Mode, Pseudo, type Register, Size } from "./opcodes.ts";

/** `dst = *(size *)(src + off)`. */
export function ldx(size: Size, dst: Register, src: Register, off: number): Instruction {
  const opcode = Class.LDX | size | Mode.MEM;
  return make(opcode, checkReg(dst, "dst"), checkReg(src, "src"), checkOff16(off));
}

/** `dst = *(s8|s16|s32 *)(src + off)`: sign-extending load. Kernel 6.6. */
export function ldxsx(size: Size, dst: Register, src: Register, off: number): Instruction {
  if (size === Size.DW) {
    throw new AsmError("Cannot build instruction: a sign-extending load cannot be 64-bit");
  }
  const opcode = Class.LDX | size | Mode.MEMSX;
  return make(opcode, checkReg(dst, "dst"), checkReg(src, "src"), checkOff16(off));
}

/** `*(size *)(dst + off) = src`. */
export function stx(size: Size, dst: Register, src: Register, off: number): Instruction {
  const opcode = Class.STX | size | Mode.MEM;
  return make(opcode, checkReg(dst, "dst"), checkReg(src, "src"), checkOff16(off));
}

/** `*(size *)(dst + off) = imm`. */
export function st(size: Size, dst: Register, off: number, imm: number): Instruction {
  const opcode = Class.ST | size | Mode.MEM;
  return make(opcode, checkReg(dst, "dst"), 0, checkOff16(off), checkImm32(imm));
}

/**
 * An atomic operation on `*(size *)(dst + off)` with `src`: `atomic(Size.DW, AtomicOp.ADD,
 * R1, R2, 0)` is `lock *(u64 *)(r1 +0) += r2`; or `AtomicOp.FETCH` into `op` to get the old
 * value in `src`. Also load-acquire (`AtomicOp.LOAD_ACQ`: loads into `dst` from `src + off`)
 * and store-release (`AtomicOp.STORE_REL`).
 */
export function atomic(
  size: Size,
  op: AtomicOp | number,
  dst: Register,
  src: Register,
  off: number,
): Instruction {
  const opcode = Class.STX | size | Mode.ATOMIC;
  return make(opcode, checkReg(dst, "dst"), checkReg(src, "src"), checkOff16(off), checkImm32(op));
}

/** `r0 = *(size *)skb[imm]`: legacy packet load (socket filters). */
export function ldAbs(size: Size, imm: number): Instruction {
  return make(Class.LD | size | Mode.ABS, 0, 0, 0, checkImm32(imm));
}

/** `r0 = *(size *)skb[src + imm]`: legacy indirect packet load. */
export function ldInd(size: Size, src: Register, imm: number): Instruction {
  return make(Class.LD | size | Mode.IND, 0, checkReg(src, "src"), 0, checkImm32(imm));
}

/**
 * `dst = value` for a 64-bit value (ld_imm64, two slots). Negative values wrap to u64. `src`
 * selects a pseudo meaning (`Pseudo.*`); prefer the named builders below for those.
 */
export function ldImm64(dst: Register, value: bigint | number, src: Pseudo | 0 = 0): Instruction {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new AsmError(
      `Cannot build instruction: ${value} is not an exact integer (hint: pass a bigint)`,
    );
  }
  const imm64 = BigInt.asUintN(64, BigInt(value));
  return { ...make(LD_IMM64, checkReg(dst, "dst"), src, 0, low32(imm64)), imm64 };
}

/** `dst = map[fd:N]`: load the map with this fd (BPF_PSEUDO_MAP_FD). */
export function ldMapFd(dst: Register, fd: number): Instruction {
  return ldImm64(dst, checkImm32(fd, "fd") >>> 0, Pseudo.MAP_FD);
}

/** `dst = map[fd:N][0]+offset`: address inside the map's value 0 (BPF_PSEUDO_MAP_VALUE). */
export function ldMapValue(dst: Register, fd: number, offset: number): Instruction {
  const high = BigInt(checkImm32(offset, "value offset") >>> 0) << 32n;
  return ldImm64(dst, high | BigInt(checkImm32(fd, "fd") >>> 0), Pseudo.MAP_VALUE);
}

/**
 * A map load by name, its fd patched at load time (see references.ts): `map[name]`, or with
 * `valueOffset` the address `map[name][0]+valueOffset` (global data).
 */
export function ldMapRef(dst: Register, name: string, valueOffset?: number): Instruction {
  const base = valueOffset === undefined ? ldMapFd(dst, 0) : ldMapValue(dst, 0, valueOffset);
  return { ...base, mapRef: name };
}

/**
 * `dst = subprog[target]`: address of a BPF function, e.g. a bpf_loop callback
 * (BPF_PSEUDO_FUNC), by slot offset or by name (resolved like `callLocal`).
 */
export function ldFunc(dst: Register, target: JumpTarget): Instruction {
  if (typeof target === "number") return ldImm64(dst, checkImm32(target) >>> 0, Pseudo.FUNC);
  return { ...ldImm64(dst, 0, Pseudo.FUNC), callTarget: target };
}
