/*
 * work() latency as a log2 histogram: the C version of the uprobe corpus (clang -O2 -target
 * bpf, libbpf auto-attach). Build with -DTARGET='"/abs/path/uprobe_target"'.
 */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 10240);
  __type(key, __u32);
  __type(value, __u64);
} start SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 64);
  __type(key, __u32);
  __type(value, __u64);
} hist SEC(".maps");

SEC("uprobe/" TARGET ":work")
int work_enter(struct pt_regs *ctx) {
  __u32 tid = (__u32)bpf_get_current_pid_tgid();
  __u64 now = bpf_ktime_get_ns();
  bpf_map_update_elem(&start, &tid, &now, BPF_ANY);
  return 0;
}

SEC("uretprobe/" TARGET ":work")
int work_exit(struct pt_regs *ctx) {
  __u32 tid = (__u32)bpf_get_current_pid_tgid();
  __u64 *t0 = bpf_map_lookup_elem(&start, &tid);
  if (!t0) return 0;
  __u64 delta = bpf_ktime_get_ns() - *t0;
  bpf_map_delete_elem(&start, &tid);
  __u32 slot = 0;
  while (delta > 1 && slot < 63) {
    delta >>= 1;
    slot++;
  }
  __u64 *count = bpf_map_lookup_elem(&hist, &slot);
  if (count) __sync_fetch_and_add(count, 1);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
