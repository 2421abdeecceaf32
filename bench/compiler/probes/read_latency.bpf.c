// read() latency per thread as a log2 histogram (bucket 0 for 0, else floor(log2(ns)) + 1, as
// bpftrace's hist() and tsbpf's Histogram count), in the style of libbpf-tools: a start-time
// map keyed by thread, bits.bpf.h's branch-light log2, and lookup-or-init counters.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct hist_key {
  __u32 tid;
  __u32 bucket;
};

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 10240);
  __type(key, __u32);
  __type(value, __u64);
} started SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 10240);
  __type(key, struct hist_key);
  __type(value, __u64);
} latency SEC(".maps");

static __always_inline __u64 log2_32(__u32 v) {
  __u32 shift, r;
  r = (v > 0xFFFF) << 4; v >>= r;
  shift = (v > 0xFF) << 3; v >>= shift; r |= shift;
  shift = (v > 0xF) << 2; v >>= shift; r |= shift;
  shift = (v > 0x3) << 1; v >>= shift; r |= shift;
  r |= (v >> 1);
  return r;
}

static __always_inline __u64 log2_64(__u64 v) {
  __u32 hi = v >> 32;
  return hi ? log2_32(hi) + 32 : log2_32(v);
}

static __always_inline void *lookup_or_try_init(void *map, const void *key, const void *init) {
  void *val = bpf_map_lookup_elem(map, key);
  if (val) return val;
  bpf_map_update_elem(map, key, init, BPF_NOEXIST);
  return bpf_map_lookup_elem(map, key);
}

SEC("tracepoint/syscalls/sys_enter_read")
int read_enter(void *ctx) {
  __u32 tid = bpf_get_current_pid_tgid();
  __u64 now = bpf_ktime_get_ns();
  bpf_map_update_elem(&started, &tid, &now, BPF_ANY);
  return 0;
}

SEC("tracepoint/syscalls/sys_exit_read")
int read_exit(void *ctx) {
  __u32 tid = bpf_get_current_pid_tgid();
  __u64 *t0 = bpf_map_lookup_elem(&started, &tid);
  if (!t0) return 0;
  __u64 delta = bpf_ktime_get_ns() - *t0;
  struct hist_key key = { .tid = tid, .bucket = delta ? log2_64(delta) + 1 : 0 };
  __u64 zero = 0;
  __u64 *count = lookup_or_try_init(&latency, &key, &zero);
  if (count) __sync_fetch_and_add(count, 1);
  bpf_map_delete_elem(&started, &tid);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
