/** A struct key: entries are found by the whole key, padding included (zeroed). */
import { HashMap, test, u16, u32, u64 } from "@ts-bpf/probes";

interface Flow { port: u16; addr: u32 }

const bytes = new HashMap<Flow, u64>({ entries: 8 });

// expect(80, 0x7f000001): 1
// expect-map: bytes[{ port: 80, addr: 0x7f000001 }] = 1500
// expect-map: bytes[{ port: 81, addr: 0x7f000001 }] = none
test("struct key", (ctx) => {
  const k: Flow = { port: u16(ctx.arg(0)), addr: u32(ctx.arg(1)) };
  bytes.set(k, 1500n);
  const again: Flow = { port: 80, addr: 0x7f000001 };
  const v = bytes.get(again);
  return v === undefined ? 0 : 1;
});
