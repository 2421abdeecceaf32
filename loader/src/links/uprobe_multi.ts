/**
 * Uprobe-multi links (6.6+): one BPF_LINK_CREATE attaches a program at many offsets of one
 * file, each with its own bpf cookie, and closing the link removes them all at once. Beside
 * speed of attach, that is what makes hundreds of probes practical: every single uprobe perf
 * event waits for an RCU-tasks-trace grace period when it is closed (~110 ms here), while a
 * multi link waits once. The program must be a kprobe-type program loaded with expected attach
 * type BPF_TRACE_UPROBE_MULTI (libbpf sections `uprobe.multi/…`, `uretprobe.multi/…`).
 */
import { AttachType, ProgType } from "../asm/mod.ts";
import { cString, withNative } from "../sys/attr.ts";
import { attr, bpfCall } from "../sys/bpf.ts";
import { BpfCmd } from "../sys/bpf_cmd.ts";
import { SyscallError } from "../sys/errors.ts";
import { backend } from "../sys/select_backend.ts";
import type { Program } from "../programs/program.ts";
import { requireProgramType } from "./attach_error.ts";
import { FdLink } from "./link.ts";

/**
 * `union bpf_attr`'s link_create.uprobe_multi (linux/bpf.h, 6.6); not yet in the generated
 * layouts: prog_fd, target_fd, attach_type and flags are link_create's first four u32s.
 */
const UprobeMultiAttr = {
  prog_fd: 0, attach_type: 8, path: 16, offsets: 24, ref_ctr_offsets: 32, cookies: 40,
  cnt: 48, flags: 52, pid: 56,
} as const;

/** BPF_F_UPROBE_MULTI_RETURN: fire on return (uretprobes). */
const UPROBE_MULTI_RETURN = 1;

export interface UprobeMultiOptions {
  /** Return probes (uretprobes) instead of entry probes. */
  retprobe?: boolean;
  /** One cookie per offset (bpf_get_attach_cookie), same order. */
  cookies?: readonly bigint[];
  /** Fire only in this process (default: every process). */
  pid?: number;
}

/**
 * Attaches `program` at every file offset in `offsets` of `path` with one link.
 * @throws SyscallError when the kernel refuses (EINVAL for an offset that is not an
 *   instruction, or a program not loaded for BPF_TRACE_UPROBE_MULTI; ESRCH for no such pid).
 * @example
 * using link = attachUprobeMulti(program, "/usr/bin/app", [0x1139, 0x1200], { cookies: [0n, 1n] });
 */
export function attachUprobeMulti(program: Program, path: string, offsets: readonly number[],
  options: UprobeMultiOptions = {}): FdLink {
  const kind = options.retprobe ? "uretprobe" : "uprobe";
  const what = `${kind} multi ${path} (${offsets.length} offset${offsets.length === 1 ? "" : "s"})` +
    (options.pid !== undefined && options.pid >= 0 ? ` (pid ${options.pid})` : "");
  requireProgramType(program, [ProgType.KPROBE], what,
    "uprobe-multi links run kprobe-type programs loaded for BPF_TRACE_UPROBE_MULTI");
  if (offsets.length === 0) throw new RangeError(`${what}: no offsets`);
  if (options.cookies && options.cookies.length !== offsets.length) {
    throw new RangeError(`${what}: ${options.cookies.length} cookies for ${offsets.length} offsets`);
  }
  const offsetBytes = new Uint8Array(offsets.length * 8);
  const ov = new DataView(offsetBytes.buffer);
  offsets.forEach((o, i) => ov.setBigUint64(i * 8, BigInt(o), true));
  const cookieBytes = new Uint8Array(offsets.length * 8);
  const cv = new DataView(cookieBytes.buffer);
  options.cookies?.forEach((c, i) => cv.setBigUint64(i * 8, BigInt.asUintN(64, c), true));
  const pathMemory = cString(path);
  try {
    return withNative(offsetBytes, (offsetMemory) => withNative(cookieBytes, (cookieMemory) => {
      const a = attr()
        .u32(UprobeMultiAttr.prog_fd, program.fd)
        .u32(UprobeMultiAttr.attach_type, AttachType.TRACE_UPROBE_MULTI)
        .u64(UprobeMultiAttr.path, pathMemory.address)
        .u64(UprobeMultiAttr.offsets, offsetMemory.address)
        .u64(UprobeMultiAttr.cookies, options.cookies ? cookieMemory.address : 0)
        .u32(UprobeMultiAttr.cnt, offsets.length)
        .u32(UprobeMultiAttr.flags, options.retprobe ? UPROBE_MULTI_RETURN : 0)
        .u32(UprobeMultiAttr.pid, options.pid !== undefined && options.pid >= 0 ? options.pid : 0);
      return new FdLink(what, bpfCall(BpfCmd.LINK_CREATE, a, what));
    }));
  } catch (error) {
    if (error instanceof SyscallError) {
      throw new SyscallError(`Cannot attach program '${program.name}' to ${what}`, error.errno, {
        hint: error.errno === 22
          ? "load the program with expected attach type BPF_TRACE_UPROBE_MULTI, and give offsets of " +
            "instructions in executable segments"
          : error.errno === 3 ? `there is no process ${options.pid}` : error.hint,
      });
    }
    throw error;
  } finally {
    backend().free(pathMemory);
  }
}
