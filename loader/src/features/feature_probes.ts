/**
 * Feature probes: does this kernel have a map type, a program type, a helper for a program type?
 * Each probe creates the smallest object that answers and closes it; answers are cached per
 * process. `MIN_KERNEL` says since when mainline has each, for messages.
 */
import { call, encode, exit, MapType, mov64, ProgType, R0 } from "../asm/mod.ts";
import { closeFd } from "../sys/bpf.ts";
import { cString, toNative } from "../sys/attr.ts";
import { EPERM } from "../sys/errno.ts";
import { SyscallError } from "../sys/errors.ts";
import { mapCreate } from "../sys/map_cmds.ts";
import { BPF_F_SLEEPABLE } from "../sys/numbers.ts";
import { progLoad } from "../sys/prog_cmds.ts";
import { backend } from "../sys/select_backend.ts";

/** Kernel version that introduced a map type (mainline). */
export const MAP_TYPE_MIN_KERNEL: Partial<Record<number, string>> = {
  [MapType.HASH]: "3.19", [MapType.ARRAY]: "3.19", [MapType.PERF_EVENT_ARRAY]: "4.3",
  [MapType.PERCPU_HASH]: "4.6", [MapType.PERCPU_ARRAY]: "4.6", [MapType.STACK_TRACE]: "4.6",
  [MapType.LRU_HASH]: "4.10", [MapType.LRU_PERCPU_HASH]: "4.10", [MapType.RINGBUF]: "5.8",
};

/** Kernel version that introduced a program type (mainline). */
export const PROG_TYPE_MIN_KERNEL: Partial<Record<number, string>> = {
  [ProgType.SOCKET_FILTER]: "3.19", [ProgType.KPROBE]: "4.1", [ProgType.SCHED_CLS]: "4.1",
  [ProgType.TRACEPOINT]: "4.7", [ProgType.XDP]: "4.8", [ProgType.PERF_EVENT]: "4.9",
  [ProgType.RAW_TRACEPOINT]: "4.17", [ProgType.TRACING]: "5.5", [ProgType.SYSCALL]: "5.14",
};

/** Types the kernel refuses to load without an attach target, so a bare load says nothing. */
const NEEDS_TARGET: ReadonlySet<number> = new Set([
  ProgType.TRACING, ProgType.EXT, ProgType.LSM, ProgType.STRUCT_OPS,
]);

const mapCache = new Map<number, boolean>();
const progCache = new Map<number, boolean>();
const helperCache = new Map<string, boolean>();

function sizesFor(type: number): { key: number; value: number; entries: number } {
  switch (type) {
    case MapType.RINGBUF: return { key: 0, value: 0, entries: 4096 };
    case MapType.PERF_EVENT_ARRAY: return { key: 4, value: 4, entries: 1 };
    case MapType.STACK_TRACE: return { key: 4, value: 8, entries: 1 };
    case MapType.ARRAY: case MapType.PERCPU_ARRAY: return { key: 4, value: 4, entries: 1 };
    default: return { key: 4, value: 4, entries: 1 };
  }
}

/** Whether the kernel can create maps of `type`. Throws on EPERM (the probe cannot answer). */
export function haveMapType(type: number): boolean {
  const cached = mapCache.get(type);
  if (cached !== undefined) return cached;
  const { key, value, entries } = sizesFor(type);
  let answer: boolean;
  try {
    closeFd(mapCreate({ mapType: type, keySize: key, valueSize: value, maxEntries: entries }));
    answer = true;
  } catch (error) {
    if (error instanceof SyscallError && error.errno === EPERM) throw error;
    answer = false;
  }
  mapCache.set(type, answer);
  return answer;
}

/** Syscall programs must be sleepable (BPF_F_SLEEPABLE = 1 << 4). */

const RETURN_ZERO = encode([mov64.imm(R0, 0), exit()]);

function tryLoad(type: number, code: Uint8Array, log?: { address: number; size: number }):
  number {
  const sys = backend();
  const insns = toNative(code);
  const license = cString("GPL");
  try {
    const fd = progLoad({
      progType: type, insns: insns.address, insnCount: code.length / 8, license: license.address,
      logBuf: log?.address, logSize: log?.size, logLevel: log ? 1 : 0,
      flags: type === ProgType.SYSCALL ? BPF_F_SLEEPABLE : 0,
    });
    if (fd >= 0) closeFd(fd);
    return fd;
  } finally {
    sys.free(insns);
    sys.free(license);
  }
}

/** Whether the kernel can load programs of `type` (probes with `r0 = 0; exit`). */
export function haveProgramType(type: number): boolean {
  const cached = progCache.get(type);
  if (cached !== undefined) return cached;
  if (NEEDS_TARGET.has(type)) {
    throw new Error(`haveProgramType cannot probe program type ${type}: it needs an attach ` +
      "target; probe the target instead");
  }
  const fd = tryLoad(type, RETURN_ZERO);
  if (fd === -EPERM) throw new SyscallError(`probe program type ${type}`, EPERM);
  const answer = fd >= 0;
  progCache.set(type, answer);
  return answer;
}

/** Whether programs of `progType` may call helper `helperId`. */
export function haveHelper(progType: number, helperId: number): boolean {
  const key = `${progType}:${helperId}`;
  const cached = helperCache.get(key);
  if (cached !== undefined) return cached;
  // call helper; r0 = 0; exit. Arguments are left unset: the verifier names an unknown or
  // forbidden helper before it checks arguments, so any other complaint means "present".
  const code = encode([call(helperId), mov64.imm(R0, 0), exit()]);
  const sys = backend();
  const log = sys.alloc(64 * 1024);
  let answer: boolean;
  try {
    const fd = tryLoad(progType, code, { address: log.address, size: 64 * 1024 });
    if (fd === -EPERM) throw new SyscallError(`probe helper ${helperId}`, EPERM);
    const text = new TextDecoder().decode(log.bytes.subarray(0, log.bytes.indexOf(0)));
    answer = fd >= 0 || !/unknown func|cannot use helper|invalid func/.test(text);
  } finally {
    sys.free(log);
  }
  helperCache.set(key, answer);
  return answer;
}
