/**
 * Perf event sampling: runs a perf_event program every N events or N times a second on each
 * CPU (by default the software cpu-clock, which works in VMs without a hardware PMU). One event
 * per CPU, each linked with BPF_LINK_CREATE; the returned link closes them all. It does not read
 * samples: the program sees them (`struct bpf_perf_event_data`) and writes to maps.
 */
import { ProgType } from "../asm/mod.ts";
import { onlineCpus } from "../kernel/cpus.ts";
import { SyscallError } from "../sys/errors.ts";
import { readFileTextIfExists } from "../sys/files.ts";
import { perfEventOpen } from "../sys/os.ts";
import type { Program } from "../programs/program.ts";
import { AttachError, requireProgramType } from "./attach_error.ts";
import { collectLinks, type LinkGroup } from "./link_group.ts";
import {
  PERF_COUNT_SW_CPU_CLOCK, PERF_TYPE_SOFTWARE, PerfFlag, withPerfEventAttr,
} from "./perf_event_attr.ts";
import { linkPerfEvent } from "./tracepoint.ts";

export interface PerfEventOptions {
  /** Samples per second on each CPU (sets the freq flag). Give this or `period`. */
  frequency?: number;
  /** Events between samples (for cpu-clock: nanoseconds). Give this or `frequency`. */
  period?: number | bigint;
  /** CPUs to sample; default: every online CPU, or any CPU the process runs on with `pid`. */
  cpus?: readonly number[];
  /**
   * Sample only this thread (perf_event_open's pid is a thread id: a process id names the
   * process's main thread only); default: everything on the CPUs.
   */
  pid?: number;
  /** The event to count; default the software cpu-clock (PERF_TYPE_SOFTWARE, config 0). */
  event?: { type: number; config: number | bigint };
}

const WRONG_TYPE_HINT = "load it with type ProgType.PERF_EVENT (section 'perf_event')";

/**
 * Attaches a perf_event program to a sampling event on each CPU.
 * @throws AttachError wrong program type or options; SyscallError when the kernel refuses an
 *   event (links already made are closed first).
 * @example
 * using link = attachPerfEvent(program, { frequency: 99 });
 */
export function attachPerfEvent(program: Program, options: PerfEventOptions): LinkGroup {
  const { flags, rate, label } = sampling(options);
  const event = options.event ?? { type: PERF_TYPE_SOFTWARE, config: PERF_COUNT_SW_CPU_CLOCK };
  const pid = options.pid ?? -1;
  const cpus = options.cpus ?? (pid >= 0 ? [-1] : onlineCpus());
  if (cpus.length === 0) {
    throw new AttachError("invalid_options", "attachPerfEvent was given no CPUs to sample",
      "leave `cpus` out to sample every online CPU");
  }
  const eventName = options.event ? `event ${event.type}:${event.config}` : "cpu-clock";
  const description = `perf_event ${eventName} ${label}` +
    (pid >= 0 ? ` of thread ${pid}` : "") + (cpus[0] === -1 ? "" : ` on CPUs ${cpus.join(",")}`);
  requireProgramType(program, [ProgType.PERF_EVENT], description, WRONG_TYPE_HINT);
  return collectLinks(description, cpus, (cpu) => {
    const what = `perf_event ${eventName} ${label}` + (cpu >= 0 ? ` on CPU ${cpu}` : "");
    const fd = withPerfEventAttr({ type: event.type, config: event.config,
      samplePeriodOrFreq: rate, flags }, (attr) => {
      try {
        return perfEventOpen(attr, pid, cpu, what);
      } catch (error) {
        if (!(error instanceof SyscallError)) throw error;
        throw new SyscallError(`Cannot attach program '${program.name}' to ${what}` +
          (pid >= 0 ? ` of thread ${pid}` : ""), error.errno,
          { hint: openHint(error.errno, options, pid, cpu) ?? error.hint });
      }
    });
    return linkPerfEvent(program, fd, what);
  });
}

function sampling(options: PerfEventOptions): { flags: bigint; rate: bigint; label: string } {
  const { frequency, period } = options;
  if ((frequency === undefined) === (period === undefined)) {
    throw new AttachError("invalid_options", "attachPerfEvent needs either a frequency or a " +
      "period", "e.g. { frequency: 99 } for 99 samples a second on each CPU");
  }
  if (frequency !== undefined) {
    if (!Number.isInteger(frequency) || frequency <= 0) {
      throw new AttachError("invalid_options", `Sampling frequency must be a positive integer ` +
        `(samples per second), got ${frequency}`, "e.g. { frequency: 99 }");
    }
    return { flags: PerfFlag.freq, rate: BigInt(frequency), label: `at ${frequency} Hz` };
  }
  const value = BigInt(period!);
  if (value <= 0n) {
    throw new AttachError("invalid_options", `Sampling period must be positive, got ${period}`,
      "e.g. { period: 1_000_000 } for every millisecond of cpu-clock");
  }
  return { flags: 0n, rate: value, label: `every ${value} events` };
}

function openHint(errno: number, options: PerfEventOptions, pid: number, cpu: number):
  string | undefined {
  if (cpu >= 0 && !onlineCpus().includes(cpu)) {
    return `CPU ${cpu} is not online (online: ${onlineCpus().join(",")})`;
  }
  if (errno === 22 && options.frequency !== undefined) {
    const max = Number(readFileTextIfExists("/proc/sys/kernel/perf_event_max_sample_rate"));
    if (options.frequency > max) {
      return `the kernel allows at most ${max} samples a second ` +
        "(kernel.perf_event_max_sample_rate)";
    }
  }
  if (errno === 2 || errno === 95) {
    return "this machine does not have that event (VMs often lack hardware counters); the " +
      "default software cpu-clock always works";
  }
  if (errno === 3) return `there is no thread or process ${pid}`;
  return undefined;
}
