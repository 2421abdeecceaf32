/** A record with a nested struct and an array field. */
import { type Arr, RingBuf, test, u16, u32 } from "@ts-bpf/probes";

interface Pos { x: u16; y: u16 }
interface Move { id: u32; from: Pos; to: Pos; tags: Arr<u16, 2> }

const moves = new RingBuf<Move>({ bytes: 4096 });

// expect(4): 0
// expect-records: moves = [{ id: 4, from: { x: 1, y: 2 }, to: { x: 3, y: 4 }, tags: [7, 0] }]
test("emit a nested record", (ctx) => {
  moves.emit({ id: u32(ctx.arg(0)), from: { x: 1, y: 2 }, to: { x: 3, y: 4 }, tags: [7] });
  return 0;
});
