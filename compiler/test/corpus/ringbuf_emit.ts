/** RingBuf.emit copies a record into the ring buffer; the reader sees its fields. */
import { RingBuf, test, u32, u64 } from "@ts-bpf/probes";

interface Event { id: u32; value: u64 }

const events = new RingBuf<Event>({ bytes: 4096 });

// expect(1, 100): 0
// expect-records: events = [{ id: 1, value: 100 }]
test("one record", (ctx) => {
  events.emit({ id: u32(ctx.arg(0)), value: ctx.arg(1) });
  return 0;
});

// expect(2, 200): 0
// expect(3, 0xffffffffffffffff): 0
// expect-records: events = [{ id: 2, value: 200 }, { id: 3, value: 0xffffffffffffffff }]
test("records arrive in order", (ctx) => {
  const e: Event = { id: u32(ctx.arg(0)), value: ctx.arg(1) };
  events.emit(e);
  return 0;
});
