import { describe, expect, test } from "bun:test";
import { kernelTest } from "../../../test/support/gates.ts";
import { MapType } from "../asm/mod.ts";
import { BpfMap } from "../maps/bpf_map.ts";
import { getpid } from "../sys/os.ts";
import { GetppidProbe } from "./getppid_probe.ts";
import { RingBufReader } from "./ring_buf_reader.ts";
import { burst, runExitCheck, until, within } from "./test_helpers.ts";

function ringBuffer(bytes: number): BpfMap {
  return BpfMap.create({ name: "events", type: MapType.RINGBUF, keySize: 0, valueSize: 0,
    maxEntries: bytes });
}

/** Sequence numbers of 16-byte records {u64 sequence, u64 pid_tgid} from process `pid`. */
function sequenceOf(record: Uint8Array, pid: number): number {
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  if (record.length !== 16 || Number(view.getBigUint64(8, true) >> 32n) !== pid) return -1;
  return Number(view.getBigUint64(0, true));
}

describe("RingBufReader", () => {
  kernelTest("a burst of 10,000 getppid() calls delivers every record in order, none lost",
    async () => {
      const pid = getpid();
      using events = ringBuffer(256 * 1024);
      const reader = RingBufReader.open(events);
      const seen: number[] = [];
      const running = reader.start((record) => seen.push(sequenceOf(record, pid)));
      using probe = GetppidProbe.attach("ringbuf", pid, events);
      // In chunks, so the background loop drains while the burst goes on.
      for (let chunk = 0; chunk < 10; chunk++) {
        burst(1000);
        await new Promise((r) => setTimeout(r, 2));
      }
      await until(() => seen.length >= 10_000, 5000, "10,000 records");
      await reader.close();
      await running;
      expect(seen).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
      expect(probe.read()).toEqual({ calls: 10_000, failures: 0 });
      expect(reader.stats).toEqual({ records: 10_000, bytes: 160_000, discarded: 0 });
    }, 20_000);

  kernelTest("startRaw() delivers the same records through one DataView", async () => {
    const pid = getpid();
    using events = ringBuffer(64 * 1024);
    const reader = RingBufReader.open(events);
    const seen: number[] = [];
    const running = reader.startRaw((data, offset, length) => {
      const fromPid = Number(data.getBigUint64(offset + 8, true) >> 32n) === pid;
      seen.push(length === 16 && fromPid ? Number(data.getBigUint64(offset, true)) : -1);
    });
    using _probe = GetppidProbe.attach("ringbuf", pid, events);
    burst(1000);
    await until(() => seen.length >= 1000, 5000, "1,000 records");
    await reader.close();
    await running;
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  kernelTest("a reader gets its records while another reader waits at the same time",
    async () => {
      const pid = getpid();
      using idle = ringBuffer(4096);
      using busy = ringBuffer(64 * 1024);
      const idleReader = RingBufReader.open(idle);
      const busyReader = RingBufReader.open(busy);
      let seen = 0;
      const runs = [idleReader.start(() => {}), busyReader.start(() => seen++)];
      await new Promise((r) => setTimeout(r, 20)); // both wait now
      using _probe = GetppidProbe.attach("ringbuf", pid, busy);
      burst(100);
      await until(() => seen === 100, 5000, "the busy reader's records");
      await Promise.all([idleReader.close(), busyReader.close()]);
      await Promise.all(runs);
    });

  kernelTest("a full ring buffer makes the program's output fail, and those failures plus the " +
    "records read equal the burst", async () => {
      const pid = getpid();
      using events = ringBuffer(4096);
      const reader = RingBufReader.open(events);
      using probe = GetppidProbe.attach("ringbuf", pid, events);
      burst(1000); // nobody drains: 4096 bytes hold 170 records of 24 bytes
      const seen: number[] = [];
      reader.drain((record) => seen.push(sequenceOf(record, pid)));
      const { calls, failures } = probe.read();
      await reader.close();
      expect(calls).toBe(1000);
      expect(failures).toBeGreaterThan(0);
      expect(seen.length).toBe(170);
      expect(reader.stats.records + failures).toBe(1000);
      // The records that made it are the first ones, in order.
      expect(seen).toEqual(Array.from({ length: 170 }, (_, i) => i));
    });

  kernelTest("records the program discards are skipped and counted", async () => {
    const pid = getpid();
    using events = ringBuffer(64 * 1024);
    const reader = RingBufReader.open(events);
    using probe = GetppidProbe.attach("ringbuf-reserve", pid, events);
    burst(100);
    const seen: number[] = [];
    expect(reader.drain((record) => seen.push(sequenceOf(record, pid)))).toBe(100);
    await reader.close();
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => 2 * i));
    expect(reader.stats).toEqual({ records: 50, bytes: 800, discarded: 50 });
    expect(probe.read().failures).toBe(0);
  });

  kernelTest("close() during a wait ends the loop and the reader refuses further use", async () => {
    using events = ringBuffer(4096);
    const reader = RingBufReader.open(events);
    const running = reader.start(() => {});
    await new Promise((r) => setTimeout(r, 20));
    expect(reader.running).toBe(true);
    await within(reader.close(), 2000, "close()");
    await within(running, 2000, "the loop's end");
    expect(reader.running).toBe(false);
    expect(() => reader.drain(() => {})).toThrow("closed");
    expect(() => reader.start(() => {})).toThrow("closed");
    await reader.close();
  });

  kernelTest("a callback that throws stops the loop and rejects start()", async () => {
    const pid = getpid();
    using events = ringBuffer(4096);
    const reader = RingBufReader.open(events);
    const running = reader.start(() => {
      throw new Error("cannot decode");
    });
    using _probe = GetppidProbe.attach("ringbuf", pid, events);
    burst(1);
    const error = await within(running.then(() => undefined, (e: unknown) => e), 2000,
      "the loop's end");
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("cannot decode");
    expect(reader.running).toBe(false);
    await reader.close();
  });

  kernelTest("close() from inside a callback ends the loop once that drain returns", async () => {
    const pid = getpid();
    using events = ringBuffer(64 * 1024);
    const reader = RingBufReader.open(events);
    let calls = 0;
    let closed: Promise<void> | undefined;
    const running = reader.start(() => {
      calls++;
      closed ??= reader.close();
    });
    using _probe = GetppidProbe.attach("ringbuf", pid, events);
    burst(10);
    await within(running, 2000, "the loop's end");
    await closed;
    // The rest of the batch in hand is still delivered; nothing after it.
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(10);
    expect(reader.stats.records).toBe(calls);
    expect(() => reader.drain(() => {})).toThrow("closed");
  });

  kernelTest("open() refuses a map that is not a ring buffer", () => {
    using counters = BpfMap.create({ name: "c", type: MapType.ARRAY, keySize: 4, valueSize: 8,
      maxEntries: 1 });
    expect(() => RingBufReader.open(counters)).toThrow("not BPF_MAP_TYPE_RINGBUF");
  });

  kernelTest("a process that closes its reader exits by itself", () => {
    const result = runExitCheck("ringbuf");
    expect(result.stderr).toBe("");
    expect(result.signal).toBe(null);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("done 100");
  }, 30_000);
});
