// examples/biolatency.ts in C: a request's issue time kept by (device, first sector), and at
// completion its latency in microseconds counted in a log2 histogram per device (a hash keyed
// by device and bucket, lookup-or-init and an atomic add: tsbpf's Histogram with a key).
#include "bench_helpers.h"

struct request {
  __u32 dev;
  __u64 sector;
};

struct hist_key {
  __u32 key;
  __u64 bucket;
};

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 10240);
  __type(key, struct request);
  __type(value, __u64);
} issuedAt SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __uint(max_entries, 10240);
  __type(key, struct hist_key);
  __type(value, __u64);
} latency SEC(".maps");

/* block_rq_issue and block_rq_complete both start with these. */
struct block_rq_args {
  __u64 common;
  __u32 dev;
  __u32 pad;
  __u64 sector;
};

SEC("tracepoint/block/block_rq_issue")
int block_rq_issue(struct block_rq_args *ctx) {
  struct request request;
  __builtin_memset(&request, 0, sizeof(request)); /* the padding is part of the key */
  request.dev = ctx->dev;
  request.sector = ctx->sector;
  __u64 now = bpf_ktime_get_ns();
  bpf_map_update_elem(&issuedAt, &request, &now, BPF_ANY);
  return 0;
}

SEC("tracepoint/block/block_rq_complete")
int block_rq_complete(struct block_rq_args *ctx) {
  struct request request;
  __builtin_memset(&request, 0, sizeof(request));
  request.dev = ctx->dev;
  request.sector = ctx->sector;
  __u64 *issued = bpf_map_lookup_elem(&issuedAt, &request);
  if (!issued) return 0; /* issued before the probe started */
  struct hist_key key;
  __builtin_memset(&key, 0, sizeof(key));
  key.key = ctx->dev;
  key.bucket = log2_bucket((bpf_ktime_get_ns() - *issued) / 1000);
  __u64 zero = 0;
  __u64 *count = lookup_or_try_init(&latency, &key, &zero);
  if (count) __sync_fetch_and_add(count, 1);
  bpf_map_delete_elem(&issuedAt, &request);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
