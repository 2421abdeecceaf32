/**
 * BURST records to userspace per getppid(): the tsbpf version of the burst workload. One
 * system call produces a batch, so the stream is no longer capped by the traced loop's calls per
 * second (as it is with one record per call); the delivered rate is then bounded by the kernel
 * writing records or by the consumer, whichever is slower, and a consumer that stalls loses records.
 * Each record reaches a JS callback through `events.on()`; at exit the userspace part prints how
 * many arrived (the runtime reports records lost to a full ring itself).
 */
import { ktimeNs, RingBuf, tracepoint, type u32, type u64 } from "@ts-bpf/probes";

/** Records per call; getppid_burst.bpf.c and getppid_burst.bt use the same (the bench checks). */
const BURST = 16;

interface Item {
  /** The record's place in its call's burst. */
  seq: u32;
  ts: u64;
}

// 4 MiB, as in getppid_burst.bpf.c: at this stream's ~10 M records/s it holds ~17 ms, about
// what 1 MiB holds of the one-record stream (~21 ms at 2 M/s).
const events = new RingBuf<Item>({ bytes: 1 << 22 });

tracepoint("syscalls:sys_enter_getppid", () => {
  const ts = ktimeNs();
  for (let i: u32 = 0; i < BURST; i++) {
    events.emit({ seq: i, ts });
  }
});

// Userspace.
let received = 0;
events.on(() => {
  received++;
});
process.on("exit", () => console.log(`received ${received}`));
