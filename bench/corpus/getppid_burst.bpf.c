/*
 * BURST records to userspace per getppid(): the C version of the burst workload (clang -O2
 * -target bpf; libbpf's ring_buffer__poll in libbpf_loader). Records that do not fit count in
 * `drops`.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* Records per call; getppid_burst.ts and getppid_burst.bt use the same (the bench checks). */
#define BURST 8

struct event {
  __u32 seq; /* the record's place in its call's burst */
  __u64 ts;
};

/* 16 MiB, as in getppid_burst.ts: ~60 ms of this ~11 M records/s stream. */
struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 1 << 24);
} events SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, __u64);
} drops SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
int on_getppid(void *ctx) {
  struct event e = {.ts = bpf_ktime_get_ns()};
  __u64 failed = 0;
  for (__u32 i = 0; i < BURST; i++) {
    e.seq = i;
    if (bpf_ringbuf_output(&events, &e, sizeof e, 0)) failed++;
  }
  if (failed) {
    __u32 zero = 0;
    __u64 *count = bpf_map_lookup_elem(&drops, &zero);
    if (count) __sync_fetch_and_add(count, failed);
  }
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
