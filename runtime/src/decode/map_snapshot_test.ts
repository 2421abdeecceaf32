/**
 * Snapshots of Min, Max and Stats read back from the kernel as their declared value type: with a
 * signed one (`Min<void, i64>`) a negative minimum, a negative maximum and a negative sum come
 * out negative, in snapshots and in the text report, where the u64 default would print them as
 * numbers near 2^64.
 */
import { describe, expect } from "bun:test";
import { compile } from "@ts-bpf/compiler";
import { loadCollection, readBpfObject } from "@ts-bpf/loader";
import { kernelTest } from "../../../test/support/gates.ts";
import { textReport } from "../output/text_report.ts";
import { snapshot } from "./map_snapshot.ts";

const SOURCE = `
import { i32, i64, Max, Min, Stats, test, u32 } from "@ts-bpf/probes";
const low = new Min<void, i64>();
const high = new Max<u32, i32>();
const spread = new Stats<void, i64>();
test("record", (ctx) => {
  const v = i64(ctx.arg(0));
  low.record(v);
  high.record(i32(v), 1);
  spread.record(v);
  return 0;
});
`;

describe("map snapshots of signed aggregations", () => {
  kernelTest("decode a negative minimum, maximum and sum as negative", () => {
    const artifact = compile({ file: "signed.ts", source: SOURCE }).artifact!;
    const collection = loadCollection(readBpfObject(artifact.object, "signed.ts"));
    try {
      for (const v of [-12n, -3n, -40n]) {
        const ctx = new Uint8Array(8);
        new DataView(ctx.buffer).setBigInt64(0, v, true);
        expect(collection.program("record").testRun({ ctx }).retval).toBe(0);
      }
      const snap = (name: string) => snapshot(artifact.maps.find((m) => m.variable === name)!,
        collection.map(name));
      const snaps = ["low", "high", "spread"].map(snap);
      expect(snaps[0]).toMatchObject({ kind: "table", entries: [{ key: undefined, value: -40n }] });
      expect(snaps[1]).toMatchObject({ kind: "table", entries: [{ key: 1, value: -3n }] });
      expect(snaps[2]).toMatchObject({ kind: "stats",
        entries: [{ key: undefined, count: 3n, sum: -55n, min: -40n, max: -3n }] });
      const text = textReport(snaps);
      expect(text).toContain("@low: -40");
      expect(text).toContain("total -55, min -40, max -3");
    } finally {
      collection.close();
    }
  });
});
