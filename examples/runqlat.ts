/**
 * runqlat: how long runnable threads wait on a CPU's run queue before they run, as a log2
 * histogram in microseconds. A port of bcc's runqlat to the `sched` tracepoints: a thread is
 * queued when it is woken (`sched_wakeup`, `sched_wakeup_new`) or preempted while still
 * runnable (`sched_switch` away from it in state running); it stops waiting when
 * `sched_switch` switches to it. The histogram is the OpenTelemetry histogram
 * `sched.runqueue.latency` (unit us).
 *
 * Run: tsbpf run examples/runqlat.ts   (Ctrl-C prints the histogram)
 *
 * Prints:
 *
 *   Tracing run queue latency... Hit Ctrl-C to end.
 *
 *   @latency:
 *   [0]                      <n> |@@@@@@@@                                            |
 *   [1]                      <n> |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
 *   [2, 4)                   <n> |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                       |
 *   [4, 8)                   <n> |@@@@@@@@@@@                                         |
 *   …
 */
import { HashMap, Histogram, ktimeNs, tracepoint, u32, type u64 } from "@ts-bpf/probes";

/** Bits of sched_switch's prev_state that mean "not runnable" (TASK_REPORT_MAX - 1); a
 * preempted task reports TASK_REPORT_MAX, which has none of them. */
const SLEEPING_STATES = 0xffn;

/** When each thread id was queued, in ns. */
const queuedAt = new HashMap<u32, u64>({ entries: 10240 });
const latency = new Histogram({ name: "sched.runqueue.latency", unit: "us",
  description: "Time runnable threads waited for a CPU" });

function enqueue(thread: u32): void {
  if (thread !== 0) queuedAt.set(thread, ktimeNs()); // 0 is the idle task
}

tracepoint("sched:sched_wakeup", (ctx) => enqueue(u32(ctx.pid)));
tracepoint("sched:sched_wakeup_new", (ctx) => enqueue(u32(ctx.pid)));

tracepoint("sched:sched_switch", (ctx) => {
  if ((ctx.prev_state & SLEEPING_STATES) === 0n) enqueue(u32(ctx.prev_pid));
  const next = u32(ctx.next_pid);
  const queued = queuedAt.get(next);
  if (queued === undefined) return;
  latency.record((ktimeNs() - queued) / 1000n);
  queuedAt.delete(next);
});

// Userspace.
console.log("Tracing run queue latency... Hit Ctrl-C to end.");
