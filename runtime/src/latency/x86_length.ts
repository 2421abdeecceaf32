/**
 * A minimal x86-64 instruction length decoder: where each instruction of a function starts, so
 * `tsbpf latency` can put probes on its return instructions instead of using uretprobes. It
 * knows prefixes, REX, VEX, EVEX, the one-byte and 0F / 0F38 / 0F3A opcode maps, ModRM, SIB,
 * displacements and immediates; it does not name instructions or operands. Checked against
 * objdump on every function of libc, libstdc++ and AVX2 / AVX-512 builds (test/latency). An opcode it does not
 * know (or one invalid in 64-bit mode) stops decoding: callers then fall back to uretprobes.
 */

/** One decoded instruction: where it starts, its length, and what it says about control flow. */
export interface Instruction {
  offset: number;
  length: number;
  /** `ret` / `ret imm16` (with any prefix, e.g. `repz ret`, `bnd ret`). */
  ret?: boolean;
  /** Target (offset from the start of the code) of a direct `jmp` or `jcc`. */
  jumpTarget?: number;
  /** An indirect `jmp` (through a register or memory): a jump table or a tail call. */
  indirectJump?: boolean;
}

// One-byte opcodes with a ModRM byte (64-bit mode; 0x62, 0xC4, 0xC5 are EVEX/VEX, handled apart).
const MODRM_1 = new Set<number>([
  ...range(0x00, 0x03), ...range(0x08, 0x0b), ...range(0x10, 0x13), ...range(0x18, 0x1b),
  ...range(0x20, 0x23), ...range(0x28, 0x2b), ...range(0x30, 0x33), ...range(0x38, 0x3b),
  0x63, 0x69, 0x6b, ...range(0x80, 0x8f), 0xc0, 0xc1, 0xc6, 0xc7, ...range(0xd0, 0xd3),
  ...range(0xd8, 0xdf), 0xf6, 0xf7, 0xfe, 0xff,
]);
// One-byte opcodes invalid in 64-bit mode.
const INVALID_1 = new Set<number>([0x06, 0x07, 0x0e, 0x16, 0x17, 0x1e, 0x1f, 0x27, 0x2f, 0x37, 0x3f,
  0x60, 0x61, 0x82, 0x9a, 0xce, 0xd4, 0xd5, 0xd6, 0xea]);
// 0F opcodes without ModRM.
const NO_MODRM_0F = new Set<number>([0x05, 0x06, 0x07, 0x08, 0x09, 0x0b, 0x0e, ...range(0x30, 0x37),
  0x77, ...range(0x80, 0x8f), 0xa0, 0xa1, 0xa2, 0xa8, 0xa9, 0xaa, ...range(0xc8, 0xcf)]);
// 0F opcodes (and VEX/EVEX map 1) with an 8-bit immediate.
const IMM8_0F = new Set<number>([0x70, 0x71, 0x72, 0x73, 0xa4, 0xac, 0xba, 0xc2, 0xc4, 0xc5, 0xc6]);
const PREFIXES = new Set<number>([0xf0, 0xf2, 0xf3, 0x2e, 0x36, 0x3e, 0x26, 0x64, 0x65, 0x66, 0x67]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * The instruction at `at` in `code`, or undefined when it cannot be decoded.
 * @example decodeInstruction(new Uint8Array([0x48, 0x89, 0xe5]), 0) // { offset: 0, length: 3 }
 */
export function decodeInstruction(code: Uint8Array, at: number): Instruction | undefined {
  let p = at;
  let opsize16 = false;
  let addr32 = false;
  const byte = () => (p < code.length ? code[p++]! : -1);
  for (;;) {
    const b = code[p];
    if (b === undefined) return undefined;
    if (!PREFIXES.has(b)) break;
    if (b === 0x66) opsize16 = true;
    if (b === 0x67) addr32 = true;
    p++;
  }
  // FWAIT before an x87 instruction is decoded with it, as disassemblers show `fstcw`.
  if (code[p] === 0x9b && code[p + 1] !== undefined && code[p + 1]! >= 0xd8 && code[p + 1]! <= 0xdf) p++;
  let rexW = false;
  if (code[p] !== undefined && (code[p]! & 0xf0) === 0x40) {
    rexW = (byte() & 8) !== 0;
    // A REX not right before the opcode does nothing: it stands alone, as disassemblers show it.
    if (code[p] !== undefined && ((code[p]! & 0xf0) === 0x40 || PREFIXES.has(code[p]!))) return { offset: at, length: p - at };
  }
  const op = byte();
  if (op < 0) return undefined;
  const done = (extra: Partial<Instruction> = {}): Instruction | undefined =>
    p <= code.length ? { offset: at, length: p - at, ...extra } : undefined;
  const modrm = (): { reg: number } | undefined => {
    const m = byte();
    if (m < 0) return undefined;
    const mod = m >> 6, rm = m & 7;
    if (mod !== 3 && rm === 4) {
      const sib = byte();
      if (sib < 0) return undefined;
      if (mod === 0 && (sib & 7) === 5) p += 4;
    }
    if (mod === 0 && rm === 5) p += 4;
    else if (mod === 1) p += 1;
    else if (mod === 2) p += 4;
    return { reg: (m >> 3) & 7 };
  };
  const immZ = () => (opsize16 ? 2 : 4);

  if (op === 0xc4 || op === 0xc5 || op === 0x62) {
    // VEX (2- or 3-byte) or EVEX: the map comes from the prefix; every such opcode has ModRM.
    let map = 1;
    if (op === 0xc5) p += 1;
    else if (op === 0xc4) {
      map = byte() & 0x1f;
      p += 1;
    } else {
      map = byte() & 0x07;
      p += 2;
    }
    const opcode = byte();
    if (opcode < 0) return undefined;
    if (map === 1 && opcode === 0x77) return done(); // vzeroupper / vzeroall: no ModRM
    if (!modrm()) return undefined;
    if (map === 3 || (map === 1 && IMM8_0F.has(opcode))) p += 1;
    else if (map !== 1 && map !== 2) return undefined;
    return done();
  }
  if (op === 0x0f) {
    const op2 = byte();
    if (op2 < 0) return undefined;
    if (op2 === 0x38 || op2 === 0x3a) {
      if (byte() < 0 || !modrm()) return undefined;
      if (op2 === 0x3a) p += 1;
      return done();
    }
    if (op2 >= 0x80 && op2 <= 0x8f) {
      p += 4;
      const rel = p <= code.length ? new DataView(code.buffer, code.byteOffset + p - 4, 4).getInt32(0, true) : 0;
      return done({ jumpTarget: p - 0 + rel });
    }
    if (op2 === 0x0f || op2 === 0x04 || op2 === 0x0a || op2 === 0x0c || op2 === 0x24 || op2 === 0x25 ||
      op2 === 0x26 || op2 === 0x27 || op2 === 0x36 || op2 === 0x39 || op2 === 0x3b || op2 === 0x3c ||
      op2 === 0x3d || op2 === 0x3e || op2 === 0x3f || op2 === 0xff) {
      return undefined; // 3DNow!, invalid or reserved: not produced by the compilers we meet
    }
    if (!NO_MODRM_0F.has(op2) && !modrm()) return undefined;
    if (IMM8_0F.has(op2)) p += 1;
    return done();
  }
  if (INVALID_1.has(op)) return undefined;
  let reg = 0;
  if (MODRM_1.has(op)) {
    const m = modrm();
    if (!m) return undefined;
    reg = m.reg;
  }
  switch (true) {
    case op <= 0x3f && (op & 7) === 4: p += 1; break;
    case op <= 0x3f && (op & 7) === 5: p += immZ(); break;
    case op === 0x68 || op === 0x69 || op === 0x81 || op === 0xa9 || op === 0xc7: p += immZ(); break;
    case op === 0x6a || op === 0x6b || op === 0x80 || op === 0x83 || op === 0xa8 || op === 0xc0 ||
      op === 0xc1 || op === 0xc6 || op === 0xcd || (op >= 0xe4 && op <= 0xe7) || (op >= 0xb0 && op <= 0xb7):
      p += 1;
      break;
    case op >= 0xb8 && op <= 0xbf: p += rexW ? 8 : immZ(); break;
    case op >= 0xa0 && op <= 0xa3: p += addr32 ? 4 : 8; break;
    case op === 0xc2 || op === 0xca: p += 2; break;
    case op === 0xc8: p += 3; break;
    case op === 0xf6: if (reg <= 1) p += 1; break;
    case op === 0xf7: if (reg <= 1) p += immZ(); break;
    case (op >= 0x70 && op <= 0x7f) || (op >= 0xe0 && op <= 0xe3) || op === 0xeb: {
      p += 1;
      if (p > code.length) return undefined;
      const target = p + ((code[p - 1]! << 24) >> 24);
      return op === 0xeb || (op >= 0x70 && op <= 0x7f) ? done({ jumpTarget: target }) : done();
    }
    case op === 0xe8 || op === 0xe9: {
      p += 4;
      if (p > code.length) return undefined;
      const target = p + new DataView(code.buffer, code.byteOffset + p - 4, 4).getInt32(0, true);
      return op === 0xe9 ? done({ jumpTarget: target }) : done();
    }
  }
  if (op === 0xc3 || op === 0xc2) return done({ ret: true });
  if (op === 0xff && reg === 4) return done({ indirectJump: true });
  if (op === 0xff && reg === 5) return done({ indirectJump: true });
  return done();
}

/** Every instruction of `code` (one function's bytes), or undefined if any cannot be decoded. */
export function decodeFunction(code: Uint8Array): Instruction[] | undefined {
  const out: Instruction[] = [];
  for (let at = 0; at < code.length;) {
    const ins = decodeInstruction(code, at);
    if (!ins) return undefined;
    out.push(ins);
    at += ins.length;
  }
  return out;
}
