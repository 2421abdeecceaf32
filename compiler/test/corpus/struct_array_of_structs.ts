/** An Arr of structs inside a struct: literal elements, chained indexing and field access. */
import { type Arr, test, u32 } from "@ts-bpf/probes";

interface Point { x: u32; y: u32 }
interface Path { n: u32; points: Arr<Point, 3> }

// expect(9): 18
test("index then field", (ctx) => {
  const p: Path = { n: 2, points: [{ x: 1, y: 2 }, { x: 3, y: u32(ctx.arg(0)) }] };
  return p.points[1]!.x + p.points[1]!.y + p.points[2]!.x + p.n * 3;
});
