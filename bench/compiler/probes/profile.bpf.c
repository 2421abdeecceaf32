// examples/profile.ts in C: at each CPU-clock sample (perf_event, attached at 99 Hz on every
// CPU by the benchmark), count the sample by (pid, comm, kernel stack id, user stack id) in a
// per-CPU hash, the stacks themselves in a stack-trace map.
#include "bench_helpers.h"

struct sample {
  __u32 pid;
  char comm[16];
  __s32 kernelStack;
  __s32 userStack;
};

struct {
  __uint(type, BPF_MAP_TYPE_STACK_TRACE);
  __uint(max_entries, 4096);
  __uint(key_size, sizeof(__u32));
  __uint(value_size, 64 * sizeof(__u64));
} stacks SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_HASH);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __uint(max_entries, 10240);
  __type(key, struct sample);
  __type(value, __u64);
} samples SEC(".maps");

SEC("perf_event")
int profile_99hz(void *ctx) {
  struct sample key;
  key.pid = bpf_get_current_pid_tgid() >> 32;
  bpf_get_current_comm(key.comm, sizeof(key.comm));
  key.kernelStack = bpf_get_stackid(ctx, &stacks, 0);
  key.userStack = bpf_get_stackid(ctx, &stacks, BPF_F_USER_STACK);
  percpu_add(&samples, &key, 1);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
