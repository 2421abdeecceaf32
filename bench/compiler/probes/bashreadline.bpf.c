// examples/bashreadline.ts in C: a uretprobe on bash's readline(); a non-NULL return (the
// line typed) is read from the shell's memory into a ring-buffer record with the pid;
// refused records are counted as tsbpf does.
#include "bench_helpers.h"

struct line_event {
  __u32 pid;
  char line[256];
};

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 64 * 1024);
} lines SEC(".maps");

__u64 lines_drops SEC(".data.lines_drops") = 0;

/* struct pt_regs on x86-64: the return value (rax) is the 11th 8-byte slot. */
struct pt_regs_x86 {
  unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8, ax, cx, dx, si, di, orig_ax, ip,
    cs, flags, sp, ss;
};

SEC("uretprobe//bin/bash:readline")
int uretprobe_readline(struct pt_regs_x86 *ctx) {
  const char *line = (const char *)ctx->ax;
  if (!line) return 0;
  struct line_event *e = bpf_ringbuf_reserve(&lines, sizeof(*e), 0);
  if (!e) {
    __sync_fetch_and_add(&lines_drops, 1);
    return 0;
  }
  e->pid = bpf_get_current_pid_tgid() >> 32;
  bpf_probe_read_user_str(e->line, sizeof(e->line), line);
  bpf_ringbuf_submit(e, 0);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
