// examples/rwbytes.ts in C: bytes returned by read(2) and accepted by write(2), summed per
// (pid, comm) in two per-CPU hashes (tsbpf's Sum maps).
#include "bench_helpers.h"

struct process {
  __u32 pid;
  char comm[16];
};

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_HASH);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __uint(max_entries, 10240);
  __type(key, struct process);
  __type(value, __u64);
} readBytes SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_HASH);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __uint(max_entries, 10240);
  __type(key, struct process);
  __type(value, __u64);
} writtenBytes SEC(".maps");

struct sys_exit_args {
  __u64 common;
  __s32 syscall_nr;
  __u32 pad;
  long ret;
};

static __always_inline void add_bytes(void *map, long ret) {
  if (ret <= 0) return;
  struct process key;
  key.pid = bpf_get_current_pid_tgid() >> 32;
  bpf_get_current_comm(key.comm, sizeof(key.comm));
  percpu_add(map, &key, ret);
}

SEC("tracepoint/syscalls/sys_exit_read")
int sys_exit_read(struct sys_exit_args *ctx) {
  add_bytes(&readBytes, ctx->ret);
  return 0;
}

SEC("tracepoint/syscalls/sys_exit_write")
int sys_exit_write(struct sys_exit_args *ctx) {
  add_bytes(&writtenBytes, ctx->ret);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
