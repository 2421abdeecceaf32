// examples/killsnoop.ts in C: the entry keeps each thread's kill() target and signal (a
// struct value in a hash), the exit adds the result and sends one record through the ring
// buffer, counting refused records as tsbpf does, then forgets the thread.
#include "bench_helpers.h"

struct kill_call {
  __s32 target;
  __u32 signal;
};

struct kill_event {
  __u32 pid;
  __s32 target;
  __u32 signal;
  __s32 result;
  char comm[16];
};

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 1024);
  __type(key, __u32);
  __type(value, struct kill_call);
} inFlight SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 64 * 1024);
} kills SEC(".maps");

__u64 kills_drops SEC(".data.kills_drops") = 0;

struct sys_enter_kill_args {
  __u64 common;
  __s32 syscall_nr;
  __u32 pad;
  __u64 pid;
  __u64 sig;
};

struct sys_exit_args {
  __u64 common;
  __s32 syscall_nr;
  __u32 pad;
  long ret;
};

SEC("tracepoint/syscalls/sys_enter_kill")
int sys_enter_kill(struct sys_enter_kill_args *ctx) {
  __u32 tid = bpf_get_current_pid_tgid();
  struct kill_call call = { .target = ctx->pid, .signal = ctx->sig };
  bpf_map_update_elem(&inFlight, &tid, &call, BPF_ANY);
  return 0;
}

SEC("tracepoint/syscalls/sys_exit_kill")
int sys_exit_kill(struct sys_exit_args *ctx) {
  __u64 pid_tgid = bpf_get_current_pid_tgid();
  __u32 tid = pid_tgid;
  struct kill_call *call = bpf_map_lookup_elem(&inFlight, &tid);
  if (!call) return 0;
  struct kill_event *e = bpf_ringbuf_reserve(&kills, sizeof(*e), 0);
  if (e) {
    e->pid = pid_tgid >> 32;
    e->target = call->target;
    e->signal = call->signal;
    e->result = ctx->ret;
    bpf_get_current_comm(e->comm, sizeof(e->comm));
    bpf_ringbuf_submit(e, 0);
  } else {
    __sync_fetch_and_add(&kills_drops, 1);
  }
  bpf_map_delete_elem(&inFlight, &tid);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
