import { describe, expect, test } from "bun:test";
import { TimeBase } from "./time_base.ts";

const halves = (ns: bigint): [number, number] => [Number(ns >> 32n), Number(BigInt.asIntN(32, ns & 0xffffffffn))];

describe("TimeBase", () => {
  test("times are exact ns from the first one, low halves past 2^31 and carries included", () => {
    const time = new TimeBase();
    const first = 86_400_000_000_000_123n; // a day of uptime: the high half is not 0
    expect(time.fromHalves(...halves(first))).toBe(0);
    for (const later of [first + 1n, first + 0x80000000n, first + 0xffffffffn, first + 0x100000001n, first + 3_600_000_000_007n]) {
      const at = time.fromHalves(...halves(later));
      expect(at).toBe(Number(later - first));
      expect(time.toBigint(at)).toBe(later);
    }
    expect(time.fromHalves(...halves(first - 5n))).toBe(-5); // records from other CPUs come slightly out of order
    expect(time.fromBigint(first + 10n)).toBe(10);
  });
});
