// examples/opensnoop.ts in C: the entry keeps each thread's filename pointer, the exit reads
// the string and sends a record through the ring buffer (reserve, fill in place, submit),
// then forgets the thread. A record the full buffer refuses is counted, as tsbpf does (a
// global in its own data section: a one-entry array map).
#include "bench_helpers.h"

struct open_event {
  __u32 pid;
  __s32 fd;
  char comm[16];
  char path[256];
};

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 10240);
  __type(key, __u32);
  __type(value, __u64);
} filenames SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 256 * 1024);
} opens SEC(".maps");

__u64 opens_drops SEC(".data.opens_drops") = 0;

struct sys_enter_openat_args {
  __u64 common;
  __s32 syscall_nr;
  __u32 pad;
  __u64 dfd;
  const char *filename;
  __u64 flags;
  __u64 mode;
};

struct sys_exit_args {
  __u64 common;
  __s32 syscall_nr;
  __u32 pad;
  long ret;
};

SEC("tracepoint/syscalls/sys_enter_openat")
int sys_enter_openat(struct sys_enter_openat_args *ctx) {
  __u32 tid = bpf_get_current_pid_tgid();
  __u64 filename = (__u64)ctx->filename;
  bpf_map_update_elem(&filenames, &tid, &filename, BPF_ANY);
  return 0;
}

SEC("tracepoint/syscalls/sys_exit_openat")
int sys_exit_openat(struct sys_exit_args *ctx) {
  __u64 pid_tgid = bpf_get_current_pid_tgid();
  __u32 tid = pid_tgid;
  __u64 *filename = bpf_map_lookup_elem(&filenames, &tid);
  if (!filename) return 0;
  struct open_event *e = bpf_ringbuf_reserve(&opens, sizeof(*e), 0);
  if (e) {
    e->pid = pid_tgid >> 32;
    e->fd = ctx->ret;
    bpf_get_current_comm(e->comm, sizeof(e->comm));
    bpf_probe_read_user_str(e->path, sizeof(e->path), (const void *)*filename);
    bpf_ringbuf_submit(e, 0);
  } else {
    __sync_fetch_and_add(&opens_drops, 1);
  }
  bpf_map_delete_elem(&filenames, &tid);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
