/**
 * Facts about the running kernel and process that `tsbpf doctor` reports, each with a remedy
 * when it is missing. Read through the syscall layer only (Deno: --allow-ffi is enough).
 */
import { withScratch } from "../sys/attr.ts";
import { pathExists, readFileTextIfExists } from "../sys/files.ts";
import { SYS } from "../sys/numbers.ts";
import { backend } from "../sys/select_backend.ts";
import { findTracefs } from "../links/tracefs.ts";

export interface KernelFacts {
  /** uname release, e.g. "6.18.44". */
  release: string;
  version: [number, number, number];
  tracefs?: string;
  debugfsMounted: boolean;
  vmlinuxBtf: boolean;
  /** Effective capabilities by name (CAP_BPF, CAP_PERFMON, CAP_SYS_ADMIN, CAP_NET_ADMIN). */
  capabilities: Record<string, boolean>;
  /** RLIMIT_MEMLOCK soft limit in bytes (Infinity for unlimited). BPF memory is charged to the
   * memory cgroup since 5.11, so this matters only on older kernels. */
  memlockLimit: number;
  bpfStatsEnabled: boolean;
  unprivilegedBpfDisabled?: number;
  lockdown?: string;
}

const CAPS = { CAP_NET_ADMIN: 12, CAP_SYS_ADMIN: 21, CAP_SYS_RESOURCE: 24, CAP_PERFMON: 38,
  CAP_BPF: 39 } as const;

/** uname(2) release string. */
export function kernelRelease(): string {
  return withScratch(6 * 65, (utsname) => {
    const result = backend().syscall(SYS.uname, utsname.address);
    if (result < 0) return "unknown";
    const field = utsname.bytes.subarray(2 * 65, 3 * 65);
    return new TextDecoder().decode(field.subarray(0, field.indexOf(0)));
  });
}

/** Parses "6.18.44-fc" into [6, 18, 44]. */
export function parseKernelVersion(release: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(release);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : [0, 0, 0];
}

/** Whether the running kernel is at least `major.minor`. */
export function kernelAtLeast(major: number, minor: number): boolean {
  const [a, b] = parseKernelVersion(kernelRelease());
  return a > major || (a === major && b >= minor);
}

function effectiveCapabilities(): bigint {
  return withScratch(8 + 24, (memory) => {
    const view = new DataView(memory.bytes.buffer, memory.bytes.byteOffset, 32);
    view.setUint32(0, 0x20080522, true); // _LINUX_CAPABILITY_VERSION_3
    view.setInt32(4, 0, true);
    const result = backend().syscall(SYS.capget, memory.address, memory.address + 8);
    if (result < 0) return 0n;
    const low = view.getUint32(8, true);
    const high = view.getUint32(8 + 12, true);
    return (BigInt(high) << 32n) | BigInt(low);
  });
}

function memlockLimit(): number {
  return withScratch(16, (memory) => {
    const RLIMIT_MEMLOCK = 8;
    if (backend().syscall(SYS.getrlimit, RLIMIT_MEMLOCK, memory.address) < 0) return 0;
    const soft = new DataView(memory.bytes.buffer, memory.bytes.byteOffset, 16)
      .getBigUint64(0, true);
    return soft === 0xffffffffffffffffn ? Infinity : Number(soft);
  });
}

/** Everything `tsbpf doctor` needs, read now. */
export function kernelFacts(): KernelFacts {
  const release = kernelRelease();
  const caps = effectiveCapabilities();
  const lockdown = readFileTextIfExists("/sys/kernel/security/lockdown")?.match(/\[(\w+)\]/)?.[1];
  const unpriv = readFileTextIfExists("/proc/sys/kernel/unprivileged_bpf_disabled");
  return {
    release,
    version: parseKernelVersion(release),
    tracefs: findTracefs(),
    debugfsMounted: pathExists("/sys/kernel/debug/tracing") ||
      (readFileTextIfExists("/proc/mounts") ?? "").includes(" debugfs "),
    vmlinuxBtf: pathExists("/sys/kernel/btf/vmlinux"),
    capabilities: Object.fromEntries(Object.entries(CAPS).map(([name, bit]) =>
      [name, (caps >> BigInt(bit) & 1n) === 1n])),
    memlockLimit: memlockLimit(),
    bpfStatsEnabled: readFileTextIfExists("/proc/sys/kernel/bpf_stats_enabled")?.trim() === "1",
    unprivilegedBpfDisabled: unpriv === undefined ? undefined : Number(unpriv.trim()),
    lockdown,
  };
}
