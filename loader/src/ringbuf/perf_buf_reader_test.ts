import { describe, expect } from "bun:test";
import { kernelTest } from "../../../test/support/gates.ts";
import { MapType } from "../asm/mod.ts";
import { onlineCpus, possibleCpuCount } from "../kernel/cpus.ts";
import { BpfMap } from "../maps/bpf_map.ts";
import { getpid } from "../sys/os.ts";
import { GetppidProbe } from "./getppid_probe.ts";
import { PerfBufReader } from "./perf_buf_reader.ts";
import { burst, onCpu, runExitCheck, until, within } from "./test_helpers.ts";

function perfArray(): BpfMap {
  return BpfMap.create({ name: "events", type: MapType.PERF_EVENT_ARRAY, keySize: 4,
    valueSize: 4, maxEntries: possibleCpuCount() });
}

/** The sequence number of a 12-byte sample {u64 sequence, u32 tid}. */
function sequenceOf(sample: Uint8Array): number {
  const view = new DataView(sample.buffer, sample.byteOffset, sample.byteLength);
  return sample.length === 12 ? Number(view.getBigUint64(0, true)) : -1;
}

describe("PerfBufReader", () => {
  kernelTest("a burst of 10,000 getppid() calls delivers every sample, none lost", async () => {
    using events = perfArray();
    // 8 pages: the burst wraps each buffer several times, and 24-byte samples straddle its end.
    const reader = PerfBufReader.open(events, { pagesPerCpu: 8 });
    const byCpu = new Map<number, number[]>();
    const running = reader.start((sample, cpu) => {
      const list = byCpu.get(cpu) ?? [];
      list.push(sequenceOf(sample));
      byCpu.set(cpu, list);
    });
    using probe = GetppidProbe.attach("perf", getpid(), events);
    for (let chunk = 1; chunk <= 20; chunk++) {
      burst(500);
      await until(() => reader.stats.records + reader.stats.lost >= chunk * 500, 5000,
        `chunk ${chunk}`);
    }
    await reader.close();
    await running;
    expect(reader.stats).toEqual({ records: 10_000, bytes: 120_000, lost: 0 });
    expect(probe.read()).toEqual({ calls: 10_000, failures: 0 });
    // In order within each CPU's buffer; all of them across the buffers.
    for (const list of byCpu.values()) {
      expect(list.every((seq, i) => i === 0 || seq > list[i - 1]!)).toBe(true);
    }
    const all = [...byCpu.values()].flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
  }, 30_000);

  kernelTest("a full perf buffer reports exactly how many records the kernel lost", async () => {
    const cpu = onlineCpus()[0]!;
    await onCpu(cpu, async () => {
      using events = perfArray();
      const reader = PerfBufReader.open(events, { pagesPerCpu: 1 });
      using probe = GetppidProbe.attach("perf", getpid(), events);
      burst(1000); // nobody drains: one page holds 170 samples of 24 bytes
      const seen: number[] = [];
      reader.drain((sample) => seen.push(sequenceOf(sample)));
      // The kernel writes its lost-record note before the next sample that fits.
      burst(1);
      reader.drain((sample) => seen.push(sequenceOf(sample)));
      await reader.close();
      expect(probe.read()).toEqual({ calls: 1001, failures: reader.stats.lost });
      expect(reader.stats.lost).toBeGreaterThan(0);
      expect(reader.stats.records + reader.stats.lost).toBe(1001);
      expect(seen.at(-1)).toBe(1000);
    });
  });

  kernelTest("close() during a wait ends the loop and the reader refuses further use", async () => {
    using events = perfArray();
    const reader = PerfBufReader.open(events, { pagesPerCpu: 1 });
    expect(reader.cpus).toEqual(onlineCpus());
    const running = reader.start(() => {});
    await new Promise((r) => setTimeout(r, 20));
    await within(reader.close(), 2000, "close()");
    await within(running, 2000, "the loop's end");
    expect(() => reader.drain(() => {})).toThrow("closed");
  });

  kernelTest("open() refuses a page count that is not a power of two", () => {
    using events = perfArray();
    expect(() => PerfBufReader.open(events, { pagesPerCpu: 3 })).toThrow("power of two");
  });

  kernelTest("a process that closes its perf reader exits by itself", () => {
    const result = runExitCheck("perf");
    expect(result.stderr).toBe("");
    expect(result.signal).toBe(null);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("done 100");
  }, 30_000);
});

