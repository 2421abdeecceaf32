import { describe, expect, test } from "bun:test";
import { kernelTest } from "../../../test/support/gates.ts";
import { gettid } from "../sys/os.ts";
import { AttachError } from "./attach_error.ts";
import { attachPerfEvent } from "./perf_event.ts";
import { openFdCount } from "./testing/fds.ts";
import { sampleCounter, xdpCounter } from "./testing/programs.ts";

function busy(ms: number): void {
  const end = Date.now() + ms;
  let x = 0;
  while (Date.now() < end) x += Math.sqrt(x + 1);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe("attachPerfEvent()", () => {
  kernelTest("samples every online CPU at 99 Hz while this process is busy", async () => {
    using counter = sampleCounter();
    const link = attachPerfEvent(counter.program, { frequency: 99 });
    expect(link.description).toMatch(/^perf_event cpu-clock at 99 Hz on CPUs 0/);
    busy(300);
    const during = counter.read().count;
    expect(during).toBeGreaterThan(0n);
    link.close();
    const atClose = counter.read().count;
    await sleep(100);
    expect(counter.read().count).toBe(atClose);
  });

  kernelTest("samples one thread on any CPU with a period", () => {
    using counter = sampleCounter();
    // cpu-clock counts nanoseconds: a sample every millisecond of this thread's CPU time. The
    // thread, not the process: Deno runs test files on threads of their own.
    using _link = attachPerfEvent(counter.program, { period: 1_000_000, pid: gettid() });
    busy(300);
    expect(counter.read().count).toBeGreaterThan(50n);
  });

  kernelTest("a CPU that fails closes the events already made", () => {
    using counter = sampleCounter();
    const before = openFdCount();
    expect(() => attachPerfEvent(counter.program, { frequency: 99, cpus: [0, 4000] }))
      .toThrow("CPU 4000 is not online");
    expect(openFdCount()).toBe(before);
  });

  kernelTest("a program that is not perf_event-type is refused", () => {
    using xdp = xdpCounter(9);
    expect(() => attachPerfEvent(xdp.program, { frequency: 99 })).toThrow(
      "Cannot attach program 'xdp_count' (xdp) to perf_event cpu-clock at 99 Hz on CPUs");
    expect(() => attachPerfEvent(xdp.program, { frequency: 99 })).toThrow(AttachError);
  });

  kernelTest("a frequency above the kernel's limit says what the limit is", () => {
    using counter = sampleCounter();
    expect(() => attachPerfEvent(counter.program, { frequency: 10_000_000 }))
      .toThrow("the kernel allows at most");
  });

  test("needs exactly one of frequency and period", () => {
    const program = { name: "p", type: 7, fd: -1 } as never;
    expect(() => attachPerfEvent(program, {})).toThrow("needs either a frequency or a period");
    expect(() => attachPerfEvent(program, { frequency: 1, period: 1 })).toThrow(AttachError);
    expect(() => attachPerfEvent(program, { frequency: 0.5 })).toThrow("positive integer");
    expect(() => attachPerfEvent(program, { period: 0 })).toThrow("must be positive");
    expect(() => attachPerfEvent(program, { frequency: 99, cpus: [] })).toThrow("no CPUs");
  });
});
