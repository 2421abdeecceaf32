/**
 * tc attach through tcx links (BPF_LINK_CREATE, attach type BPF_TCX_INGRESS or
 * BPF_TCX_EGRESS, target = ifindex; Linux 6.6+): a sched_cls program runs on every packet an
 * interface receives or sends. Several programs can share a hook; ours is appended last.
 * Closing the link detaches. It does not create clsact qdiscs or netlink filters, so older
 * kernels get a clear error rather than a fallback.
 */
import { AttachType, ProgType } from "../asm/mod.ts";
import { kernelAtLeast, kernelRelease } from "../kernel/facts.ts";
import { SyscallError } from "../sys/errors.ts";
import { linkCreate } from "../sys/link_cmds.ts";
import type { Program } from "../programs/program.ts";
import { AttachError, requireProgramType } from "./attach_error.ts";
import { FdLink } from "./link.ts";
import { findInterface } from "./net_interfaces.ts";

/** Which way the packets go. */
export type TcDirection = "ingress" | "egress";

/** What a tcx program returns (TCX_* in linux/bpf.h). */
export const TcxVerdict = {
  /** Run the next program on the hook (or let the packet through when none is left). */
  NEXT: -1,
  PASS: 0,
  DROP: 2,
  REDIRECT: 7,
} as const;

const WRONG_TYPE_HINT = "load it with type ProgType.SCHED_CLS (section 'tc' or 'tcx/ingress')";

/**
 * Attaches a sched_cls program to an interface's ingress or egress.
 * @throws AttachError wrong program type, no such interface, or a kernel older than 6.6;
 *   SyscallError when the kernel refuses.
 * @example
 * using link = attachTc(program, "eth0", "ingress");
 */
export function attachTc(program: Program, iface: string | number,
  direction: TcDirection): FdLink {
  if (direction !== "ingress" && direction !== "egress") {
    throw new AttachError("invalid_options", `tc direction must be "ingress" or "egress", ` +
      `got ${JSON.stringify(direction)}`);
  }
  const target = `tc ${direction} of ${typeof iface === "number" ? `interface ${iface}` : iface}`;
  requireProgramType(program, [ProgType.SCHED_CLS], target, WRONG_TYPE_HINT);
  if (!kernelAtLeast(6, 6)) {
    throw new AttachError("kernel_too_old", `Cannot attach program '${program.name}' to ` +
      `${target}: tcx links need Linux 6.6+, and this kernel is ${kernelRelease()}`,
      "upgrade the kernel, or attach with 'tc filter add dev <iface> ingress bpf da obj …'");
  }
  const { name, index } = findInterface(iface);
  const description = `tc ${direction} of ${name}`;
  try {
    return new FdLink(description, linkCreate({
      progFd: program.fd, target: index,
      attachType: direction === "ingress" ? AttachType.TCX_INGRESS : AttachType.TCX_EGRESS,
    }));
  } catch (error) {
    if (error instanceof SyscallError) {
      throw new SyscallError(`Cannot attach program '${program.name}' to ${description}`,
        error.errno, { hint: error.errno === 22
          ? "the kernel refused the tcx attach: check the program is sched_cls and loaded " +
            "without an expected attach type other than tcx"
          : error.hint });
    }
    throw error;
  }
}
