/**
 * A ring buffer declared with `countLost: false` has no drop counter: a refused reservation
 * just skips the record, as a C program that ignores bpf_ringbuf_reserve()'s NULL does. The
 * records that fit still arrive (170 of 200 in a 4096-byte buffer, 24 bytes each), and the
 * golden shows the cold path is a bare jump, with no .data section.
 */
import { RingBuf, test, u32, u64 } from "@ts-bpf/probes";

interface Event { a: u64; b: u64 }

const events = new RingBuf<Event>({ bytes: 4096, countLost: false });

// expect: 0
test("overflow", () => {
  for (let i: u32 = 0; i < 200; i++) events.emit({ a: 1n, b: 2n });
  return 0;
});
