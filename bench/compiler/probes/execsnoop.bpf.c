// examples/execsnoop.ts in C: a record per successful exec (sched_process_exec) with pid,
// uid, comm and the path, read from the tracepoint's __data_loc string, through the ring
// buffer; refused records are counted as tsbpf does.
#include "bench_helpers.h"

struct exec_event {
  __u32 pid;
  __u32 uid;
  char comm[16];
  char path[256];
};

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 256 * 1024);
} execs SEC(".maps");

__u64 execs_drops SEC(".data.execs_drops") = 0;

struct sched_process_exec_args {
  __u64 common;
  __u32 filename_loc; /* __data_loc: offset in the low 16 bits, length in the high 16 */
  __s32 pid;
  __s32 old_pid;
};

SEC("tracepoint/sched/sched_process_exec")
int sched_process_exec(struct sched_process_exec_args *ctx) {
  struct exec_event *e = bpf_ringbuf_reserve(&execs, sizeof(*e), 0);
  if (!e) {
    __sync_fetch_and_add(&execs_drops, 1);
    return 0;
  }
  e->pid = bpf_get_current_pid_tgid() >> 32;
  e->uid = bpf_get_current_uid_gid();
  bpf_get_current_comm(e->comm, sizeof(e->comm));
  bpf_probe_read_kernel_str(e->path, sizeof(e->path), (void *)ctx + (ctx->filename_loc & 0xFFFF));
  bpf_ringbuf_submit(e, 0);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
