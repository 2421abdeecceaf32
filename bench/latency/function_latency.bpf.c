// The function-latency probe of `tsbpf latency` written as a libbpf-style C program, for
// bench/latency: the same maps and the same steps (per-thread depth changed in place, frames
// keyed by tid × 64 + depth, the function index from the attach cookie, a log2 histogram keyed
// by function), so the programs compare instruction for instruction of intent.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct frame { __u64 start; __u64 fn; };
struct depth { __u32 value; };
struct hist_key { __u32 fn; __u32 pad; __u64 bucket; };

struct {
  __uint(type, BPF_MAP_TYPE_LRU_HASH);
  __uint(max_entries, 16384);
  __type(key, __u32);
  __type(value, struct depth);
} depths SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_LRU_HASH);
  __uint(max_entries, 65536);
  __type(key, __u64);
  __type(value, struct frame);
} frames SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 65536);
  __type(key, struct hist_key);
  __type(value, __u64);
} durations SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_HASH);
  __uint(max_entries, 4);
  __type(key, __u32);
  __type(value, __u64);
} dropped SEC(".maps");

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

static __always_inline void count(void *map, __u32 reason) {
  __u64 one = 1, *c = bpf_map_lookup_elem(map, &reason);
  if (c) *c += 1;
  else bpf_map_update_elem(map, &reason, &one, BPF_NOEXIST);
}

SEC("uprobe")
int entry(void *ctx) {
  __u32 tid = bpf_get_current_pid_tgid();
  struct depth *d = bpf_map_lookup_elem(&depths, &tid);
  struct frame f = { .start = bpf_ktime_get_ns(), .fn = bpf_get_attach_cookie(ctx) };
  if (!d) {
    __u64 key = (__u64)tid * 64;
    struct depth one = { 1 };
    bpf_map_update_elem(&frames, &key, &f, BPF_ANY);
    bpf_map_update_elem(&depths, &tid, &one, BPF_ANY);
    return 0;
  }
  if (d->value < 32) {
    __u64 key = (__u64)tid * 64 + d->value;
    bpf_map_update_elem(&frames, &key, &f, BPF_ANY);
  }
  d->value += 1;
  return 0;
}

SEC("uretprobe")
int leave(void *ctx) {
  __u64 now = bpf_ktime_get_ns();
  __u32 tid = bpf_get_current_pid_tgid();
  struct depth *d = bpf_map_lookup_elem(&depths, &tid);
  if (!d || d->value == 0) { count(&dropped, 0); return 0; }
  __u32 top = d->value - 1;
  d->value = top;
  if (top >= 32) { count(&dropped, 2); return 0; }
  __u64 key = (__u64)tid * 64 + top;
  struct frame *f = bpf_map_lookup_elem(&frames, &key);
  if (!f) { count(&dropped, 0); return 0; }
  if (f->fn != bpf_get_attach_cookie(ctx)) { count(&dropped, 1); return 0; }
  __u64 delta = now - f->start;
  struct hist_key hk = { .fn = (__u32)f->fn, .bucket = delta ? log2_64(delta) + 1 : 0 };
  __u64 one = 1, *c = bpf_map_lookup_elem(&durations, &hk);
  if (c) __sync_fetch_and_add(c, 1);
  else bpf_map_update_elem(&durations, &hk, &one, BPF_NOEXIST);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
