// exec_events.bpf.c with the drop counting tsbpf does: a record the ring buffer refuses
// (bpf_ringbuf_reserve returns NULL) adds 1, atomically, to a global __u64 in its own data
// section, which the loader makes a one-entry array map that userspace reads. tsbpf and
// bpftrace count refused records; the plain C reference does not, so this one makes the
// comparison like for like.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct exec_event {
  __u32 pid;
  char comm[16];
  char filename[256];
};

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 256 * 1024);
} execs SEC(".maps");

__u64 execs_drops SEC(".data.execs_drops") = 0;

struct sys_enter_execve_args {
  __u64 common;
  __s32 syscall_nr;
  __u32 pad;
  const char *filename;
  const char *const *argv;
  const char *const *envp;
};

SEC("tracepoint/syscalls/sys_enter_execve")
int exec_events(struct sys_enter_execve_args *ctx) {
  struct exec_event *e = bpf_ringbuf_reserve(&execs, sizeof(*e), 0);
  if (!e) {
    __sync_fetch_and_add(&execs_drops, 1);
    return 0;
  }
  e->pid = bpf_get_current_pid_tgid() >> 32;
  bpf_get_current_comm(e->comm, sizeof(e->comm));
  bpf_probe_read_user_str(e->filename, sizeof(e->filename), ctx->filename);
  bpf_ringbuf_submit(e, 0);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
