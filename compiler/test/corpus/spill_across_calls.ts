/** Values live across helper calls survive them (callee-saved registers, then spills). */
import { ktimeNs, test, u64 } from "@ts-bpf/probes";

// expect(2): 30
test("values survive calls", (ctx) => {
  const x = ctx.arg(0);
  const a: u64 = x * 1n;
  const b: u64 = x * 2n;
  const c: u64 = x * 3n;
  const t1 = ktimeNs();
  const d: u64 = x * 4n;
  const e: u64 = x * 5n;
  const t2 = ktimeNs();
  const ok: u64 = t2 >= t1 ? 0n : 1000n;
  return a + b + c + d + e + ok;
});
