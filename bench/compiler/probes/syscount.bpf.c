// examples/syscount.ts in C: every system call counted by number and by command name, in two
// per-CPU hashes (tsbpf's Count maps).
#include "bench_helpers.h"

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_HASH);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __uint(max_entries, 10240);
  __type(key, __u32);
  __type(value, __u64);
} calls SEC(".maps");

struct comm_key {
  char comm[16];
};

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_HASH);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __uint(max_entries, 10240);
  __type(key, struct comm_key);
  __type(value, __u64);
} byProcess SEC(".maps");

struct sys_enter_args {
  __u64 common;
  long id;
  unsigned long args[6];
};

SEC("tracepoint/raw_syscalls/sys_enter")
int sys_enter(struct sys_enter_args *ctx) {
  __u32 nr = ctx->id;
  percpu_add(&calls, &nr, 1);
  struct comm_key key;
  bpf_get_current_comm(key.comm, sizeof(key.comm));
  percpu_add(&byProcess, &key, 1);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
