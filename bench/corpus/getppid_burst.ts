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
const BURST = 8;

interface Item {
  /** The record's place in its call's burst. */
  seq: u32;
  ts: u64;
}

// 16 MiB, as in getppid_burst.bpf.c: at this stream's ~11 M records/s (24 bytes each with the
// ring's header) it holds ~60 ms, room for a consumer's cold start and garbage collections.
const events = new RingBuf<Item>({ bytes: 1 << 24 });

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
