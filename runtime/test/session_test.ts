/**
 * Sessions on the real kernel: records from a PerfEventArray and a RingBuf reach subscribers
 * decoded, every one of this process's calls exactly once, and nothing is reported lost.
 */
import { describe, expect } from "bun:test";
import { getpid, getppid } from "@ts-bpf/loader";
import { load } from "@ts-bpf/runtime";
import { kernelTest } from "../../test/support/gates.ts";

const PROBE = new URL("./fixtures/perf_probe.ts", import.meta.url).pathname;

describe("session streams", () => {
  kernelTest("perf buffer and ring buffer records arrive decoded, each call once", async () => {
    const probe = await load(PROBE, { userspace: false });
    const seen = { perf: 0, ring: 0 };
    probe.on("perf", (r) => {
      const record = r as { pid: number; n: number };
      if (record.pid === getpid()) seen.perf += record.n === 7 ? 1 : 1000;
    });
    probe.on("ring", (r) => {
      const record = r as { pid: number; n: number };
      if (record.pid === getpid()) seen.ring += record.n === 9 ? 1 : 1000;
    });
    for (let i = 0; i < 500; i++) getppid();
    probe.detach();
    const stats = probe.stats();
    await probe.close();
    expect(seen).toEqual({ perf: 500, ring: 500 });
    expect(stats.lost).toBe(0n);
  }, 30_000);
});
