/** A bool field is one byte, true or false. */
import { type bool, HashMap, test, u32 } from "@ts-bpf/probes";

interface Flagged { on: bool; id: u32 }

const out = new HashMap<u32, Flagged>({ entries: 2 });

// expect(5): 1
// expect-map: out[0] = { on: true, id: 5 }
test("flag from a comparison", (ctx) => {
  const f: Flagged = { on: ctx.arg(0) > 3n, id: u32(ctx.arg(0)) };
  out.set(0, f);
  return f.on ? 1 : 0;
});
