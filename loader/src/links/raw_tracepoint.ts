/**
 * Raw tracepoint attach (BPF_RAW_TRACEPOINT_OPEN, which returns a link fd): the program gets
 * the tracepoint's raw arguments. Also serves `tp_btf` programs (name 0: the target comes
 * from the program's attach_btf_id).
 */
import { cString } from "../sys/attr.ts";
import { SyscallError } from "../sys/errors.ts";
import { rawTracepointOpen } from "../sys/link_cmds.ts";
import { backend } from "../sys/select_backend.ts";
import type { Program } from "../programs/program.ts";
import { FdLink } from "./link.ts";

/** Attaches a raw-tracepoint program to `name` (e.g. "sys_enter", "sched_switch"). */
export function attachRawTracepoint(program: Program, name?: string): FdLink {
  const what = name ? `raw tracepoint ${name}` : `BTF tracepoint of '${program.name}'`;
  const native = name ? cString(name) : undefined;
  try {
    return new FdLink(what, rawTracepointOpen(program.fd, native?.address ?? 0));
  } catch (error) {
    if (error instanceof SyscallError) {
      throw new SyscallError(`Cannot attach program '${program.name}' to ${what}`, error.errno, {
        hint: error.errno === 2
          ? `no raw tracepoint named '${name}' (names are without the group: 'sys_enter')`
          : error.hint,
      });
    }
    throw error;
  } finally {
    if (native) backend().free(native);
  }
}
