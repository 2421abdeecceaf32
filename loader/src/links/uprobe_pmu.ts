/**
 * The uprobe PMU: the perf event type the kernel gives uprobes (dynamic, read from sysfs) and
 * the config bit that makes one a return probe. Read once per process. The legacy route through
 * tracefs `uprobe_events` is not taken: the PMU exists since Linux 4.17.
 */
import { readFileTextIfExists } from "../sys/files.ts";
import { AttachError } from "./attach_error.ts";

const PMU_DIR = "/sys/bus/event_source/devices/uprobe";

/** How to open uprobe perf events on this kernel. */
export interface UprobePmu {
  /** perf_event_attr.type for uprobes. */
  type: number;
  /** perf_event_attr.config bit that selects a return probe. */
  retprobeBit: number;
}

let cached: UprobePmu | undefined;

/**
 * The uprobe PMU's type and retprobe bit.
 * @throws AttachError `no_uprobe_support` when the kernel has no uprobe PMU.
 */
export function uprobePmu(): UprobePmu {
  if (cached) return cached;
  const type = readFileTextIfExists(`${PMU_DIR}/type`);
  const format = readFileTextIfExists(`${PMU_DIR}/format/retprobe`);
  if (type === undefined || format === undefined) {
    throw new AttachError("no_uprobe_support", "This kernel has no uprobe PMU " +
      `(${PMU_DIR} is missing)`, "uprobes need Linux 4.17+ built with CONFIG_UPROBE_EVENTS");
  }
  cached = { type: Number.parseInt(type.trim(), 10), retprobeBit: parseFormatBit(format) };
  return cached;
}

/** Parses a one-bit sysfs PMU format such as "config:0". */
export function parseFormatBit(format: string): number {
  const m = /^config:(\d+)$/.exec(format.trim());
  if (!m) throw new Error(`Cannot parse the uprobe PMU's retprobe format '${format.trim()}'`);
  return Number(m[1]);
}
