/**
 * Kernel timestamps (CLOCK_MONOTONIC nanoseconds, what `ktimeNs()` returns) as wall-clock
 * times for spans.
 *
 * The offset between CLOCK_REALTIME and CLOCK_MONOTONIC is measured once per session, by
 * clock_gettime(2) through the loader's syscall backend: read realtime, monotonic, realtime and
 * keep the sample whose two realtime reads are closest (the monotonic read then sits within
 * that window, typically well under a microsecond). Every kernel time is converted with the same
 * offset, so span durations are exactly the kernel's `end - start`. A later NTP step of the
 * wall clock is not followed, which is what keeps the durations exact.
 */
import type { HrTime } from "@opentelemetry/api";
import { backend, CLOCK_MONOTONIC, CLOCK_REALTIME, SYS } from "@ts-bpf/loader";
import { readFileSync } from "node:fs";

const NS = 1_000_000_000n;

/** Converts CLOCK_MONOTONIC nanoseconds to wall-clock time with one fixed offset. */
export class WallClock {
  /** realtime - monotonic, in nanoseconds. */
  readonly offsetNs: bigint;

  constructor(offsetNs: bigint) {
    this.offsetNs = offsetNs;
  }

  /** Measures the offset now (clock_gettime through the syscall backend). */
  static measure(samples = 5): WallClock {
    return new WallClock(measureOffset(samples));
  }

  /** Wall-clock nanoseconds since the Unix epoch for a kernel monotonic time. */
  wallNs(monotonicNs: bigint): bigint {
    return monotonicNs + this.offsetNs;
  }

  /** The same as an OpenTelemetry HrTime ([seconds, nanoseconds]), with no rounding. */
  hrTime(monotonicNs: bigint): HrTime {
    const wall = this.wallNs(monotonicNs);
    return [Number(wall / NS), Number(wall % NS)];
  }
}

function measureOffset(samples: number): bigint {
  let best: { window: bigint; offset: bigint } | undefined;
  try {
    const sys = backend();
    const memory = sys.alloc(48);
    try {
      const view = new DataView(memory.bytes.buffer, memory.bytes.byteOffset, 48);
      const read = (index: number): bigint =>
        view.getBigInt64(index * 16, true) * NS + view.getBigInt64(index * 16 + 8, true);
      for (let i = 0; i < samples; i++) {
        const a = sys.syscall(SYS.clock_gettime, CLOCK_REALTIME, memory.address);
        const b = sys.syscall(SYS.clock_gettime, CLOCK_MONOTONIC, memory.address + 16);
        const c = sys.syscall(SYS.clock_gettime, CLOCK_REALTIME, memory.address + 32);
        if (a < 0 || b < 0 || c < 0) break;
        const r1 = read(0);
        const mono = read(1);
        const r2 = read(2);
        if (mono <= 0n || r1 <= 0n || r2 < r1) break;
        const window = r2 - r1;
        if (!best || window < best.window) best = { window, offset: (r1 + r2) / 2n - mono };
      }
    } finally {
      sys.free(memory);
    }
  } catch {
    // No FFI backend (a fake in unit tests): fall back below.
  }
  if (best) return best.offset;
  // Coarse fallback when syscalls are unavailable: /proc/uptime is CLOCK_BOOTTIME in 10 ms
  // steps (equal to CLOCK_MONOTONIC unless the machine was suspended). process.hrtime is no
  // substitute: Bun counts it from process start.
  const uptime = readFileSync("/proc/uptime", "utf8").split(" ")[0]!;
  const [sec, frac = "0"] = uptime.split(".");
  const mono = BigInt(sec!) * NS + BigInt(frac.padEnd(9, "0").slice(0, 9));
  return BigInt(Date.now()) * 1_000_000n - mono;
}
