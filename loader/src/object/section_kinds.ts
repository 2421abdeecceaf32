/**
 * What a libbpf-convention ELF section name says about its programs: the program type, the
 * expected attach type, and where to attach (`SEC("tracepoint/syscalls/sys_enter_openat")`).
 * Only the kinds this loader can attach are listed; others are refused by name.
 */
import { AttachType, ProgType } from "../asm/mod.ts";
import { BPF_F_SLEEPABLE } from "../sys/numbers.ts";

export type AutoAttach =
  | { kind: "tracepoint"; target: string }
  | { kind: "raw_tracepoint"; target: string }
  | { kind: "tp_btf"; target: string }
  | { kind: "uprobe" | "uretprobe"; target: string }
  | { kind: "perf_event" | "xdp" | "tc" | "socket" | "syscall" | "none"; target: string };

export interface SectionKind {
  progType: number;
  expectedAttachType?: number;
  attach: AutoAttach;
  flags?: number;
}


/** The kind of `section`, or undefined when it does not name a program section we know. */
export function sectionKind(section: string): SectionKind | undefined {
  const [prefix, ...rest] = section.split("/");
  const target = rest.join("/");
  switch (prefix) {
    case "tracepoint":
    case "tp":
      return { progType: ProgType.TRACEPOINT, attach: { kind: "tracepoint",
        target: target.replace("/", ":") } };
    case "raw_tracepoint":
    case "raw_tp":
      return { progType: ProgType.RAW_TRACEPOINT, attach: { kind: "raw_tracepoint", target } };
    case "tp_btf":
      return { progType: ProgType.TRACING, expectedAttachType: AttachType.TRACE_RAW_TP,
        attach: { kind: "tp_btf", target } };
    case "uprobe":
    case "uretprobe":
      return { progType: ProgType.KPROBE, attach: { kind: prefix, target } };
    case "kprobe":
    case "kretprobe":
      return { progType: ProgType.KPROBE, attach: { kind: "none", target } };
    case "perf_event":
      return { progType: ProgType.PERF_EVENT, attach: { kind: "perf_event", target } };
    case "xdp":
      return { progType: ProgType.XDP, expectedAttachType: AttachType.XDP,
        attach: { kind: "xdp", target } };
    case "tc":
    case "classifier":
      return { progType: ProgType.SCHED_CLS, attach: { kind: "tc", target } };
    case "tcx":
      return { progType: ProgType.SCHED_CLS, expectedAttachType: target === "egress"
        ? AttachType.TCX_EGRESS : AttachType.TCX_INGRESS, attach: { kind: "tc", target } };
    case "socket":
      return { progType: ProgType.SOCKET_FILTER, attach: { kind: "socket", target } };
    case "syscall":
      return { progType: ProgType.SYSCALL, flags: BPF_F_SLEEPABLE,
        attach: { kind: "syscall", target } };
    default:
      return undefined;
  }
}
