// Helpers the example probes' C references share, written the way libbpf-tools writes them:
// lookup-or-init for shared counters (created zeroed with BPF_NOEXIST so a concurrent creator
// wins cleanly, then added to atomically), a plain add for per-CPU counters (a per-CPU value
// has one writer, so no atomic is needed), and bits.bpf.h's branch-light log2.
#ifndef BENCH_HELPERS_H
#define BENCH_HELPERS_H
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __always_inline void *lookup_or_try_init(void *map, const void *key, const void *init) {
  void *val = bpf_map_lookup_elem(map, key);
  if (val) return val;
  bpf_map_update_elem(map, key, init, BPF_NOEXIST);
  return bpf_map_lookup_elem(map, key);
}

/** Adds `n` to a per-CPU counter, creating it with `n` when missing. */
static __always_inline void percpu_add(void *map, const void *key, __u64 n) {
  __u64 *val = bpf_map_lookup_elem(map, key);
  if (val) {
    *val += n;
    return;
  }
  bpf_map_update_elem(map, key, &n, BPF_NOEXIST);
}

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

/** The histogram bucket of `v` as bpftrace's hist() and tsbpf's Histogram count: 0 for 0,
 * else floor(log2(v)) + 1. */
static __always_inline __u64 log2_bucket(__u64 v) {
  return v ? log2_64(v) + 1 : 0;
}

#endif
