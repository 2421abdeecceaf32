/**
 * Tracepoint attach: perf_event_open(PERF_TYPE_TRACEPOINT, config = the tracefs id) and a
 * BPF_LINK_CREATE of type BPF_PERF_EVENT (no IOC_ENABLE needed). Closing the link detaches.
 * The program fires on all CPUs even though the event is opened on one.
 */
import { AttachType } from "../asm/mod.ts";
import { closeFd } from "../sys/bpf.ts";
import { SyscallError } from "../sys/errors.ts";
import { linkCreate } from "../sys/link_cmds.ts";
import { perfEventOpen } from "../sys/os.ts";
import type { Program } from "../programs/program.ts";
import { FdLink } from "./link.ts";
import { PERF_TYPE_TRACEPOINT, withPerfEventAttr } from "./perf_event_attr.ts";
import { tracepointId } from "./tracefs.ts";

/** Attaches a tracepoint program to "group:name". */
export function attachTracepoint(program: Program, spec: string): FdLink {
  const id = tracepointId(spec);
  const what = `tracepoint ${spec}`;
  const eventFd = withPerfEventAttr({ type: PERF_TYPE_TRACEPOINT, config: id },
    (attr) => perfEventOpen(attr, -1, 0, what));
  return linkPerfEvent(program, eventFd, what);
}

/** Links a program to an open perf event fd; closes the fd if linking fails. */
export function linkPerfEvent(program: Program, eventFd: number, what: string,
  cookie?: bigint): FdLink {
  try {
    const linkFd = linkCreate({
      progFd: program.fd, target: eventFd, attachType: AttachType.PERF_EVENT, bpfCookie: cookie,
    }, `${program.name} → ${what}`);
    return new FdLink(what, linkFd, eventFd);
  } catch (error) {
    closeFd(eventFd);
    if (error instanceof SyscallError) {
      throw new SyscallError(`Cannot attach program '${program.name}' to ${what}`, error.errno,
        { hint: error.errno === 22
          ? "the program's type must match the attach point (tracepoint programs for tracepoints)"
          : error.hint });
    }
    throw error;
  }
}
