/**
 * A record literal whose field calls one of the probe's functions is built on the stack and
 * copied with bpf_ringbuf_output: written in place, its fields would run only when the buffer
 * has room. The reader sees the same record either way.
 */
import { RingBuf, test, u32, u64 } from "@ts-bpf/probes";

interface Event { id: u32; value: u64 }

const events = new RingBuf<Event>({ bytes: 4096 });

function twice(n: u32): u32 {
  return n * 2;
}

// expect(21, 5): 0
// expect-records: events = [{ id: 42, value: 5 }]
test("a field calls a probe function", (ctx) => {
  events.emit({ id: twice(u32(ctx.arg(0))), value: ctx.arg(1) });
  return 0;
});
