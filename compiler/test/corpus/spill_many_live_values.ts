/** More live values than eBPF has registers: some are spilled to the stack and reloaded. */
import { test, u64 } from "@ts-bpf/probes";

// expect(1): 78
test("twelve live values", (ctx) => {
  const x = ctx.arg(0);
  const a: u64 = x + 1n;
  const b: u64 = x + 2n;
  const c: u64 = x + 3n;
  const d: u64 = x + 4n;
  const e: u64 = x + 5n;
  const f: u64 = x + 6n;
  const g: u64 = x + 7n;
  const h: u64 = x + 8n;
  const i: u64 = x + 9n;
  const j: u64 = x + 10n;
  const k: u64 = x + 11n;
  const m: u64 = x + 0n;
  return a + b + c + d + e + f + g + h + i + j + k + m;
});
