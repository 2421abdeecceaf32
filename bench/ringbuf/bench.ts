/**
 * The ring-buffer benchmark inside one runtime (Bun, Deno, or Node through a bundle): how many
 * records a JS callback receives per second from a probe on `syscalls:sys_enter_getppid` while
 * a pinned C loop calls getppid(), and how much the consumer slows that loop.
 *
 * Each run measures, interleaved so drift hits all three alike:
 * - `baseline`: the loop with no probe attached;
 * - `probe`: the probe attached, writing into a ring big enough for every record, nobody
 *   reading (what the probe itself costs the loop);
 * - `consumer`: the probe attached and a `RingBufReader` consuming a ring of `ringBytes`, once
 *   with a view per record (`start`) and once with offsets into one DataView (`startRaw`);
 * - `no pause`: the same with `pauseMs: 0`, the eager reader the 1 ms pause exists to avoid.
 * After the probe-only loop, its full ring is drained in one go, half with a view per record and
 * half with `drainRaw`: the reader's own speed, with no producer setting the pace.
 * Then one more consumer run with kernel.bpf_stats_enabled=1 gives the program's own cost per
 * event (stats add a clock read per run, so the timed runs are made without them).
 *
 * Prints one JSON line (see `RuntimeResult`). Usage:
 * `<runtime> bench.ts <getppid_loop> <calls> <runs> <ringBytes> <loopCpu>`.
 * A benchmark, not a test: nothing here fails on timing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { MapType } from "../../loader/src/asm/mod.ts";
import { BpfMap } from "../../loader/src/maps/bpf_map.ts";
import { GetppidProbe } from "../../loader/src/ringbuf/getppid_probe.ts";
import { RingBufReader } from "../../loader/src/ringbuf/ring_buf_reader.ts";
import { runTracedLoop } from "./traced_loop.ts";

// deno-lint-ignore no-explicit-any
declare const Deno: any;
declare const Bun: { version: string } | undefined;

const STATS_PATH = "/proc/sys/kernel/bpf_stats_enabled";
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on x86-64 Linux

/** One run's figures. */
export interface RunResult {
  baselineNs: number;
  probeNs: number;
  consumerNs: number;
  /** Records the callback received in the consumer run. */
  delivered: number;
  /** Records received / (loop time + time to drain what was left when the loop ended). */
  deliveredPerSecond: number;
  /** Outputs the program could not make (ring full), consumer run. */
  failures: number;
  /** Records whose sequence number was not the next expected one. */
  outOfOrder: number;
  /** Time from the loop's exit to the last record delivered. */
  drainLagMs: number;
  /** CPU time of this process during the consumer run, in cores. */
  consumerCores: number;
  /** Failed outputs in the probe-only run (its ring holds every record: expected 0). */
  probeFailures: number;
  /** Records/s when draining the probe-only run's full ring afterwards (no producer). */
  drainPerSecond: number;
  /** The same with `drainRaw` (no view per record). */
  rawDrainPerSecond: number;
  /** The consumer run again with `startRaw` (no view per record). */
  rawNs: number;
  rawFailures: number;
  rawOutOfOrder: number;
  rawConsumerCores: number;
  rawDeliveredPerSecond: number;
  /** The loop with a reader that waits again right after each drain (pauseMs 0). */
  noPauseNs: number;
  noPauseFailures: number;
}

export interface RuntimeResult {
  runtime: string;
  version: string;
  calls: number;
  ringBytes: number;
  runs: RunResult[];
  kernelNsPerEvent: number;
  kernelRunCount: number;
}

function args(): string[] {
  return typeof Deno !== "undefined" ? Deno.args : process.argv.slice(2);
}

function runtimeVersion(): string {
  if (typeof Bun !== "undefined") return `bun ${Bun.version}`;
  if (typeof Deno !== "undefined") return `deno ${Deno.version.deno}`;
  return `node ${process.version}`;
}

function cpuTicks(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

function ring(bytes: number): BpfMap {
  return BpfMap.create({ name: "events", type: MapType.RINGBUF, keySize: 0, valueSize: 0,
    maxEntries: bytes });
}

/** Smallest power of two ≥ the bytes of `calls` 16-byte records with their 8-byte headers. */
function ringForAll(calls: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(calls * 24, 4096)));
}

async function loopAlone(binary: string, calls: number, cpu: number): Promise<number> {
  return (await runTracedLoop(binary, calls, cpu)).elapsedNs;
}

async function probeAlone(binary: string, calls: number, cpu: number) {
  using events = ring(ringForAll(calls));
  let probe: GetppidProbe | undefined;
  try {
    const run = await runTracedLoop(binary, calls, cpu, (pid) => {
      probe = GetppidProbe.attach("ringbuf", pid, events);
    });
    const failures = probe!.read().failures;
    // The ring now holds every record: reading it shows the reader's own speed, with no
    // producer setting the pace. The first half with a view per record, the rest without.
    const reader = RingBufReader.open(events);
    const check = sequenceChecker();
    const half = Math.floor(calls / 2);
    let started = performance.now();
    reader.drain(check.callback, half);
    const viewSeconds = (performance.now() - started) / 1000;
    let raw = 0;
    started = performance.now();
    reader.drainRaw((data, offset) => {
      if (data.getUint32(offset, true) === half + raw) raw++;
    });
    const rawSeconds = (performance.now() - started) / 1000;
    await reader.close();
    return {
      elapsedNs: run.elapsedNs, failures,
      drainPerSecond: check.delivered() / viewSeconds, rawDrainPerSecond: raw / rawSeconds,
    };
  } finally {
    probe?.close();
  }
}

/** A realistic callback: reads each record's sequence number through one DataView. */
function sequenceChecker() {
  let delivered = 0;
  let outOfOrder = 0;
  let next = 0;
  let buffer: ArrayBufferLike | undefined;
  let view: DataView | undefined;
  return {
    callback(record: Uint8Array): void {
      if (record.buffer !== buffer) {
        buffer = record.buffer;
        view = new DataView(buffer);
      }
      const sequence = view!.getUint32(record.byteOffset, true);
      if (sequence !== next) outOfOrder++;
      next = sequence + 1;
      delivered++;
    },
    raw(data: DataView, offset: number): void {
      const sequence = data.getUint32(offset, true);
      if (sequence !== next) outOfOrder++;
      next = sequence + 1;
      delivered++;
    },
    delivered: () => delivered,
    outOfOrder: () => outOfOrder,
  };
}

interface ConsumerSetup {
  ringBytes: number;
  /** Use `startRaw` (offsets into one DataView) instead of a view per record. */
  raw?: boolean;
  pauseMs?: number;
  onProbe?: (probe: GetppidProbe) => void;
}

async function withConsumer(binary: string, calls: number, cpu: number, setup: ConsumerSetup) {
  using events = ring(setup.ringBytes);
  const reader = RingBufReader.open(events, { pauseMs: setup.pauseMs });
  const check = sequenceChecker();
  const running = setup.raw ? reader.startRaw(check.raw) : reader.start(check.callback);
  let probe: GetppidProbe | undefined;
  try {
    const ticksBefore = cpuTicks();
    const run = await runTracedLoop(binary, calls, cpu, (pid) => {
      probe = GetppidProbe.attach("ringbuf", pid, events);
    });
    const { failures } = probe!.read();
    // Bounded: a reader that fell behind for good shows as missing records, not a hang.
    const deadline = performance.now() + 10_000;
    while (check.delivered() + failures < calls && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1));
    }
    const drainedAt = performance.now();
    const cpuSeconds = (cpuTicks() - ticksBefore) / CLOCK_TICKS_PER_SECOND;
    const wallSeconds = (drainedAt - run.startedAt) / 1000;
    setup.onProbe?.(probe!);
    const lagMs = Math.max(0, drainedAt - run.exitedAt);
    return {
      elapsedNs: run.elapsedNs, delivered: check.delivered(), failures,
      outOfOrder: check.outOfOrder(), drainLagMs: lagMs,
      deliveredPerSecond: check.delivered() / (run.elapsedNs / 1e9 + lagMs / 1000),
      consumerCores: cpuSeconds / wallSeconds,
    };
  } finally {
    await reader.close();
    await running;
    probe?.close();
  }
}

async function kernelCost(binary: string, calls: number, cpu: number, ringBytes: number) {
  const previous = readFileSync(STATS_PATH, "utf8").trim();
  writeFileSync(STATS_PATH, "1");
  try {
    let info = { runTimeNs: 0n, runCount: 0n };
    await withConsumer(binary, calls, cpu,
      { ringBytes, raw: true, onProbe: (probe) => info = probe.program.info() });
    const runCount = Number(info.runCount);
    return { nsPerEvent: Number(info.runTimeNs) / runCount, runCount };
  } finally {
    writeFileSync(STATS_PATH, previous);
  }
}

async function main(): Promise<void> {
  const [binary, callsText, runsText, ringText, cpuText] = args();
  if (!binary) {
    throw new Error("usage: bench.ts <getppid_loop> <calls> <runs> <ringBytes> <loopCpu>");
  }
  const calls = Number(callsText ?? 3_000_000);
  const runs = Number(runsText ?? 5);
  const ringBytes = Number(ringText ?? 1 << 20);
  const cpu = Number(cpuText ?? -1);
  // Warm up the JIT, the FFI and the Worker or thread that waits, off the record.
  for (const raw of [false, true]) {
    await withConsumer(binary, Math.min(calls, 200_000), cpu, { ringBytes, raw });
  }
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    const baselineNs = await loopAlone(binary, calls, cpu);
    const probe = await probeAlone(binary, calls, cpu);
    const consumer = await withConsumer(binary, calls, cpu, { ringBytes });
    const rawConsumer = await withConsumer(binary, calls, cpu, { ringBytes, raw: true });
    const eager = await withConsumer(binary, calls, cpu, { ringBytes, pauseMs: 0 });
    results.push({
      baselineNs, probeNs: probe.elapsedNs, consumerNs: consumer.elapsedNs,
      delivered: consumer.delivered, deliveredPerSecond: consumer.deliveredPerSecond,
      failures: consumer.failures, outOfOrder: consumer.outOfOrder,
      drainLagMs: consumer.drainLagMs, consumerCores: consumer.consumerCores,
      probeFailures: probe.failures, drainPerSecond: probe.drainPerSecond,
      rawDrainPerSecond: probe.rawDrainPerSecond,
      noPauseNs: eager.elapsedNs, noPauseFailures: eager.failures,
      rawNs: rawConsumer.elapsedNs, rawFailures: rawConsumer.failures,
      rawOutOfOrder: rawConsumer.outOfOrder, rawConsumerCores: rawConsumer.consumerCores,
      rawDeliveredPerSecond: rawConsumer.deliveredPerSecond,
    });
  }
  const cost = await kernelCost(binary, calls, cpu, ringBytes);
  const result: RuntimeResult = {
    runtime: typeof Bun !== "undefined" ? "bun" : typeof Deno !== "undefined" ? "deno" : "node",
    version: runtimeVersion(), calls, ringBytes, runs: results,
    kernelNsPerEvent: cost.nsPerEvent, kernelRunCount: cost.runCount,
  };
  // No exit() and no backend shutdown: the process ending by itself shows that closed readers
  // leave nothing behind.
  console.log(JSON.stringify(result));
}

await main();
