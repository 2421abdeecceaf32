/*
 * An event per getppid() to userspace: the C version (clang -O2 -target bpf; libbpf's
 * ring_buffer__poll in libbpf_loader). Records that do not fit count in `drops`.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct event {
  __u32 pid;
  __u64 ts;
};

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 1 << 20);
} events SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, __u64);
} drops SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
int on_getppid(void *ctx) {
  struct event e = {.pid = bpf_get_current_pid_tgid() >> 32, .ts = bpf_ktime_get_ns()};
  if (bpf_ringbuf_output(&events, &e, sizeof e, 0)) {
    __u32 zero = 0;
    __u64 *count = bpf_map_lookup_elem(&drops, &zero);
    if (count) __sync_fetch_and_add(count, 1);
  }
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
