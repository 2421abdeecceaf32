// examples/runqlat.ts in C: a thread is queued when woken or preempted while runnable, and
// its wait ends when sched_switch switches to it; the wait in microseconds goes into a log2
// histogram (a 65-bucket shared array, added to atomically: tsbpf's Histogram without a key).
#include "bench_helpers.h"

/* Bits of prev_state that mean "not runnable" (TASK_REPORT_MAX - 1). */
#define SLEEPING_STATES 0xff

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 10240);
  __type(key, __u32);
  __type(value, __u64);
} queuedAt SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 65);
  __type(key, __u32);
  __type(value, __u64);
} latency SEC(".maps");

struct sched_wakeup_args {
  __u64 common;
  char comm[16];
  __s32 pid;
  __s32 prio;
  __s32 target_cpu;
};

struct sched_switch_args {
  __u64 common;
  char prev_comm[16];
  __s32 prev_pid;
  __s32 prev_prio;
  long prev_state;
  char next_comm[16];
  __s32 next_pid;
  __s32 next_prio;
};

static __always_inline void enqueue(__u32 thread) {
  if (thread == 0) return; /* the idle task */
  __u64 now = bpf_ktime_get_ns();
  bpf_map_update_elem(&queuedAt, &thread, &now, BPF_ANY);
}

SEC("tracepoint/sched/sched_wakeup")
int sched_wakeup(struct sched_wakeup_args *ctx) {
  enqueue(ctx->pid);
  return 0;
}

SEC("tracepoint/sched/sched_wakeup_new")
int sched_wakeup_new(struct sched_wakeup_args *ctx) {
  enqueue(ctx->pid);
  return 0;
}

SEC("tracepoint/sched/sched_switch")
int sched_switch(struct sched_switch_args *ctx) {
  if ((ctx->prev_state & SLEEPING_STATES) == 0) enqueue(ctx->prev_pid);
  __u32 next = ctx->next_pid;
  __u64 *queued = bpf_map_lookup_elem(&queuedAt, &next);
  if (!queued) return 0;
  __u32 bucket = log2_bucket((bpf_ktime_get_ns() - *queued) / 1000);
  __u64 *count = bpf_map_lookup_elem(&latency, &bucket);
  if (count) __sync_fetch_and_add(count, 1);
  bpf_map_delete_elem(&queuedAt, &next);
  return 0;
}

char LICENSE[] SEC("license") = "GPL";
