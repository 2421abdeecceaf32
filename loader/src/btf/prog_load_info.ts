/**
 * The func_info and line_info arrays BPF_PROG_LOAD takes (struct bpf_func_info, 8 bytes each;
 * struct bpf_line_info, 16 bytes each), made from `.BTF.ext` records of one program.
 *
 * In the ELF file `insn_off` counts bytes from the start of the ELF section; the kernel wants
 * instruction indexes (8-byte units) from the start of the loaded program. A program occupies
 * `[startByte, endByte)` of its section; subprograms appended after it are placed with
 * `insnShift`. These arrays only make sense with the same BTF loaded (prog_btf_fd).
 */
import { BtfError } from "./btf_error.ts";
import type { BtfFuncInfo, BtfLineInfo } from "./btf_ext.ts";

/** Size of struct bpf_func_info (pass as func_info_rec_size). */
export const BPF_FUNC_INFO_SIZE = 8;
/** Size of struct bpf_line_info (pass as line_info_rec_size). */
export const BPF_LINE_INFO_SIZE = 16;
const INSN_SIZE = 8;

/** Which records to take and where they land in the loaded program. */
export interface ProgramSlice {
  /** First byte of the program in its ELF section (default 0). */
  startByte?: number;
  /** One past its last byte (default: the end of the section). */
  endByte?: number;
  /** Instruction index in the loaded program where `startByte` lands (default 0). */
  insnShift?: number;
}

/**
 * bpf_func_info records for BPF_PROG_LOAD: `{ insn_off (instructions), type_id }`.
 * @throws {BtfError} when an offset is not a multiple of 8 or offsets do not increase.
 *
 * @example
 * const funcInfo = progLoadFuncInfo(ext.funcInfo[0].records); // count = funcInfo.length / 8
 */
export function progLoadFuncInfo(records: readonly BtfFuncInfo[], slice: ProgramSlice = {}): Uint8Array {
  const picked = pick(records, slice, "func info");
  const out = new Uint8Array(picked.length * BPF_FUNC_INFO_SIZE);
  const view = new DataView(out.buffer);
  picked.forEach(([insn, r], i) => {
    view.setUint32(i * 8, insn, true);
    view.setUint32(i * 8 + 4, r.typeId, true);
  });
  return out;
}

/**
 * bpf_line_info records for BPF_PROG_LOAD: `{ insn_off (instructions), file_name_off,
 * line_off, line_col = line << 10 | column }`.
 * @throws {BtfError} when an offset is not a multiple of 8 or offsets do not increase.
 */
export function progLoadLineInfo(records: readonly BtfLineInfo[], slice: ProgramSlice = {}): Uint8Array {
  const picked = pick(records, slice, "line info");
  const out = new Uint8Array(picked.length * BPF_LINE_INFO_SIZE);
  const view = new DataView(out.buffer);
  picked.forEach(([insn, r], i) => {
    view.setUint32(i * 16, insn, true);
    view.setUint32(i * 16 + 4, r.fileNameOff, true);
    view.setUint32(i * 16 + 8, r.lineOff, true);
    view.setUint32(i * 16 + 12, (r.line * 1024 + Math.min(r.column, 1023)) >>> 0, true);
  });
  return out;
}

function pick<T extends { insnOff: number }>(records: readonly T[], slice: ProgramSlice,
  what: string): [number, T][] {
  const start = slice.startByte ?? 0;
  const end = slice.endByte ?? Infinity;
  const shift = slice.insnShift ?? 0;
  const picked: [number, T][] = [];
  let previous = -1;
  for (const r of records) {
    if (r.insnOff < start || r.insnOff >= end) continue;
    if ((r.insnOff - start) % INSN_SIZE !== 0) {
      throw new BtfError(`Cannot build ${what} for BPF_PROG_LOAD`, `insn_off ${r.insnOff} ` +
        `is not on an instruction boundary (a multiple of ${INSN_SIZE} bytes from ${start})`);
    }
    const insn = (r.insnOff - start) / INSN_SIZE + shift;
    if (insn <= previous) {
      throw new BtfError(`Cannot build ${what} for BPF_PROG_LOAD`, `records are not in ` +
        `increasing instruction order (${insn} after ${previous})`, "the kernel rejects that");
    }
    previous = insn;
    picked.push([insn, r]);
  }
  return picked;
}
