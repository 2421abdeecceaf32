/**
 * Builds struct perf_event_attr in native memory for perf_event_open (tracepoints, uprobes,
 * sampling). Bit flags live in one u64 after read_format.
 */
import { withScratch } from "../sys/attr.ts";
import { PerfEventAttr } from "../sys/layouts.generated.ts";

export const PERF_TYPE_HARDWARE = 0;
export const PERF_TYPE_SOFTWARE = 1;
export const PERF_TYPE_TRACEPOINT = 2;
export const PERF_COUNT_SW_CPU_CLOCK = 0;
export const PERF_COUNT_SW_BPF_OUTPUT = 10;
export const PERF_SAMPLE_RAW = 1 << 10;

/** Bits of the flags word (offset 40 in perf_event_attr). */
export const PerfFlag = {
  disabled: 1n << 0n,
  inherit: 1n << 1n,
  exclude_kernel: 1n << 5n,
  exclude_hv: 1n << 6n,
  freq: 1n << 10n,
  watermark: 1n << 14n,
} as const;

const FLAGS_OFFSET = 40;

export interface PerfEventAttrFields {
  type: number;
  config: bigint | number;
  samplePeriodOrFreq?: bigint | number;
  sampleType?: number;
  flags?: bigint;
  wakeupEvents?: number;
  config1?: bigint | number;
  config2?: bigint | number;
}

/** Runs `body` with a filled perf_event_attr's native address. */
export function withPerfEventAttr<T>(fields: PerfEventAttrFields, body: (address: number) => T): T {
  return withScratch(PerfEventAttr.SIZE, (memory) => {
    const v = new DataView(memory.bytes.buffer, memory.bytes.byteOffset, PerfEventAttr.SIZE);
    v.setUint32(PerfEventAttr.type, fields.type, true);
    v.setUint32(PerfEventAttr.size, PerfEventAttr.SIZE, true);
    v.setBigUint64(PerfEventAttr.config, BigInt(fields.config), true);
    v.setBigUint64(PerfEventAttr.sample_period, BigInt(fields.samplePeriodOrFreq ?? 0), true);
    v.setBigUint64(PerfEventAttr.sample_type, BigInt(fields.sampleType ?? 0), true);
    v.setBigUint64(FLAGS_OFFSET, fields.flags ?? 0n, true);
    v.setUint32(PerfEventAttr.wakeup_events, fields.wakeupEvents ?? 0, true);
    v.setBigUint64(PerfEventAttr.config1, BigInt(fields.config1 ?? 0), true);
    v.setBigUint64(PerfEventAttr.config2, BigInt(fields.config2 ?? 0), true);
    return body(memory.address);
  });
}
