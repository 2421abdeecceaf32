/** Maps' final state as JSON lines: one object per map with its decoded contents. */
import type { MapSnapshot } from "../decode/map_snapshot.ts";
import { toJson } from "./format_value.ts";

export function jsonLines(snapshots: MapSnapshot[]): string[] {
  return snapshots.filter((s) => s.kind !== "stream").map((s) => {
    const base = { type: "map", name: s.map.variable, kind: s.map.kind };
    switch (s.kind) {
      case "table": return toJson({ ...base, entries: s.entries });
      case "stats": return toJson({ ...base, entries: s.entries });
      case "histogram": return toJson({ ...base, series: s.series.map((x) => ({ key: x.key,
        buckets: x.buckets.map((count, index) => ({ index, count })).filter((b) => b.count > 0n) })) });
      default: return toJson(base);
    }
  });
}
