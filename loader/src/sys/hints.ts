/** Hints shared by several errors. */

export const EPERM_HINT =
  "run as root, or grant CAP_BPF and CAP_PERFMON (plus CAP_NET_ADMIN for XDP, tc and " +
  "socket programs); also check kernel.unprivileged_bpf_disabled and lockdown";
export const EACCES_HINT =
  "the kernel refused access: run as root, or check that the file or program is readable";
export const TRACEFS_HINT =
  "mount tracefs with 'mount -t tracefs tracefs /sys/kernel/tracing' (or run 'tsbpf doctor')";
