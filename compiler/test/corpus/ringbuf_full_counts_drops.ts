/**
 * A full ring buffer refuses records and the probe counts them (in its global-data drop counter,
 * the section .data.events_drops). Each 16-byte record takes 24 bytes (an 8-byte header), so a
 * 4096-byte buffer holds 170 of them: 200 emits drop 30.
 */
import { RingBuf, test, u32, u64 } from "@ts-bpf/probes";

interface Event { a: u64; b: u64 }

const events = new RingBuf<Event>({ bytes: 4096 });

// expect: 0
// expect-map: .data.events_drops = 30
test("overflow", () => {
  for (let i: u32 = 0; i < 200; i++) events.emit({ a: 1n, b: 2n });
  return 0;
});
