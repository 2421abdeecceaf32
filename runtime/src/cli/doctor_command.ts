/**
 * `tsbpf doctor`: what this machine offers for BPF and what is missing, each with the remedy.
 * `--mount` mounts tracefs when it is missing (needs root).
 */
import {
  haveMapType, haveProgramType, kernelFacts, MapType, mountTracefs, ProgType,
} from "@ts-bpf/loader";
import type { ParsedArgs } from "./args.ts";

export function doctorCommand(args: ParsedArgs, out: (line: string) => void): number {
  let facts = kernelFacts();
  if (!facts.tracefs && args.flags.has("mount")) {
    mountTracefs();
    facts = kernelFacts();
  }
  let problems = 0;
  const line = (ok: boolean, what: string, remedy?: string) => {
    if (!ok) problems++;
    out(`${ok ? "ok  " : "MISS"} ${what}${!ok && remedy ? `\n     → ${remedy}` : ""}`);
  };
  line(facts.version[0] > 5 || (facts.version[0] === 5 && facts.version[1] >= 8),
    `kernel ${facts.release}`, "tsbpf needs Linux 5.8 or newer (ring buffers)");
  line(facts.vmlinuxBtf, "kernel BTF (/sys/kernel/btf/vmlinux)", "use a kernel built with CONFIG_DEBUG_INFO_BTF=y");
  line(facts.tracefs !== undefined, `tracefs mounted${facts.tracefs ? ` at ${facts.tracefs}` : ""}`,
    "run 'tsbpf doctor --mount' as root, or: mount -t tracefs tracefs /sys/kernel/tracing");
  out(`${facts.debugfsMounted ? "ok  " : "info"} debugfs ${facts.debugfsMounted ? "mounted" : "not mounted (not needed)"}`);
  const caps = facts.capabilities;
  line(Boolean(caps.CAP_BPF || caps.CAP_SYS_ADMIN), "CAP_BPF (load programs and maps)", "run as root or grant CAP_BPF");
  line(Boolean(caps.CAP_PERFMON || caps.CAP_SYS_ADMIN), "CAP_PERFMON (tracing programs)", "run as root or grant CAP_PERFMON");
  out(`info memlock limit ${facts.memlockLimit === Infinity ? "unlimited" : `${facts.memlockLimit} bytes`}` +
    (facts.version[0] > 5 || facts.version[1] >= 11 ? " (not used: BPF memory is charged to the cgroup)" : ""));
  out(`info kernel.bpf_stats_enabled = ${facts.bpfStatsEnabled ? 1 : 0} (tsbpf turns it on while running)`);
  if (facts.lockdown) out(`info lockdown: ${facts.lockdown}${facts.lockdown !== "none" ? " (bpf_probe_write_user refused)" : ""}`);
  if (caps.CAP_BPF || caps.CAP_SYS_ADMIN) {
    line(haveMapType(MapType.RINGBUF), "ring buffer maps", "needs Linux 5.8");
    for (const [name, type] of [["tracepoint", ProgType.TRACEPOINT], ["raw tracepoint", ProgType.RAW_TRACEPOINT],
      ["kprobe/uprobe", ProgType.KPROBE], ["perf_event", ProgType.PERF_EVENT]] as const) {
      line(haveProgramType(type), `${name} programs`);
    }
  }
  out(problems ? `${problems} problem${problems === 1 ? "" : "s"} found` : "everything tsbpf needs is here");
  return problems ? 1 : 0;
}
