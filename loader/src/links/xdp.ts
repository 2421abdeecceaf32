/**
 * XDP attach through a BPF link (BPF_LINK_CREATE, attach type BPF_XDP, target = ifindex;
 * Linux 5.9+). The program sees each packet the interface receives, before the kernel's stack.
 * A link cannot be replaced by another loader behind our back, and closing it detaches. It does
 * not use the older netlink attach (IFLA_XDP), so `ip link` does not own these programs.
 */
import { AttachType, ProgType } from "../asm/mod.ts";
import { SyscallError } from "../sys/errors.ts";
import { linkCreate } from "../sys/link_cmds.ts";
import type { Program } from "../programs/program.ts";
import { requireProgramType } from "./attach_error.ts";
import { FdLink } from "./link.ts";
import { findInterface } from "./net_interfaces.ts";

/** Where XDP runs: in the driver, in the generic (skb) path, or on the NIC. */
export type XdpMode = "native" | "generic" | "offload";

/** XDP_FLAGS_DRV_MODE, XDP_FLAGS_SKB_MODE, XDP_FLAGS_HW_MODE (linux/if_link.h). */
const MODE_FLAGS: Record<XdpMode, number> = { generic: 1 << 1, native: 1 << 2, offload: 1 << 3 };

export interface XdpOptions {
  /** Default: native when the driver supports XDP, else generic (the kernel chooses). */
  mode?: XdpMode;
}

const WRONG_TYPE_HINT = "load it with type ProgType.XDP (section 'xdp')";

/**
 * Attaches an XDP program to an interface, by name ("eth0") or index.
 * @throws AttachError wrong program type or no such interface (listing those that exist);
 *   SyscallError when the kernel refuses (another program attached, driver without native XDP).
 * @example
 * using link = attachXdp(program, "lo");
 */
export function attachXdp(program: Program, iface: string | number,
  options: XdpOptions = {}): FdLink {
  const what = `XDP on ${typeof iface === "number" ? `interface ${iface}` : iface}` +
    (options.mode ? ` (${options.mode})` : "");
  requireProgramType(program, [ProgType.XDP], what, WRONG_TYPE_HINT);
  const { name, index } = findInterface(iface);
  const description = `XDP on ${name}` + (options.mode ? ` (${options.mode})` : "");
  try {
    return new FdLink(description, linkCreate({
      progFd: program.fd, target: index, attachType: AttachType.XDP,
      flags: options.mode ? MODE_FLAGS[options.mode] : 0,
    }));
  } catch (error) {
    if (error instanceof SyscallError) {
      throw new SyscallError(`Cannot attach program '${program.name}' to ${description}`,
        error.errno, { hint: hint(error.errno, name, options.mode) ?? error.hint });
    }
    throw error;
  }
}

function hint(errno: number, iface: string, mode?: XdpMode): string | undefined {
  switch (errno) {
    case 16: case 17:
      return `another XDP program is attached to ${iface}: 'bpftool net show dev ${iface}' ` +
        `shows it, and 'ip link set dev ${iface} xdp off' removes one that ip attached`;
    case 95: case 524:
      return mode === "native" || mode === "offload"
        ? `the driver of ${iface} does not support ${mode} XDP; use { mode: "generic" }`
        : undefined;
    case 22:
      return "XDP links need Linux 5.9+, and a mode the interface supports";
    default:
      return undefined;
  }
}
