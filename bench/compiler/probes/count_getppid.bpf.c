// examples/count_getppid.ts in C: getppid() calls per process in a per-CPU hash (the map
// tsbpf's Count makes: BPF_MAP_TYPE_PERCPU_HASH, not preallocated).
#include "bench_helpers.h"

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_HASH);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __uint(max_entries, 10240);
  __type(key, __u32);
  __type(value, __u64);
} calls SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
int sys_enter_getppid(void *ctx) {
  __u32 pid = bpf_get_current_pid_tgid() >> 32;
  percpu_add(&calls, &pid, 1);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
