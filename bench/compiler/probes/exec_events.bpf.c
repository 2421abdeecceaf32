// An event per execve() with the pid, comm and file name, through a ring buffer the way
// libbpf-bootstrap does it: reserve the record in the buffer, fill it in place, submit.
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
  if (!e) return 0;
  e->pid = bpf_get_current_pid_tgid() >> 32;
  bpf_get_current_comm(e->comm, sizeof(e->comm));
  bpf_probe_read_user_str(e->filename, sizeof(e->filename), ctx->filename);
  bpf_ringbuf_submit(e, 0);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
