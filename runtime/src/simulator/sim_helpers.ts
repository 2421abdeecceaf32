/**
 * The eBPF helpers a compiled probe calls, implemented over the simulator's state with the
 * kernel's semantics: reads from bad addresses fail with -EFAULT and zero the destination,
 * string reads stop at the destination size and always NUL-terminate (returning the length
 * with the NUL), the clocks read the simulator's monotonic clock, and the current task's ids
 * come from the task the test set, ring buffer records are reserved in the ring's own memory and
 * filled in place. Each import takes r1–r5 as i64s and returns r0. One import is not a helper:
 * `map_value_address`, the address of global data (a drop counter), which eBPF gets from an
 * ld_imm64 the loader patches.
 */
import { MapType } from "@ts-bpf/loader";
import { type SimMap, SimRingBuf } from "./sim_maps.ts";
import type { SimMemory } from "./sim_memory.ts";

const EFAULT = 14;

/** The current task, as the helpers report it. */
export interface SimTask {
  /** Process id (tgid). */
  pid: number;
  /** Thread id; defaults to pid. */
  tid?: number;
  uid?: number;
  gid?: number;
  /** Up to 15 bytes, as the kernel keeps it. */
  comm?: string;
  cgroupId?: bigint;
  cpu?: number;
  /** Kernel stack (instruction pointers) for kstack(), innermost first. */
  kernelStack?: bigint[];
  /** User stack for ustack(). */
  userStack?: bigint[];
}

/** What the helpers read and write. */
export interface HelperState {
  memory: SimMemory;
  map(handle: bigint): SimMap | SimRingBuf;
  task(): Required<Omit<SimTask, "kernelStack" | "userStack">> & Pick<SimTask, "kernelStack" | "userStack">;
  now(): bigint;
  random(): number;
  printk(line: string): void;
  stackId(map: SimMap, stack: bigint[]): number;
}

type Helper = (r1: bigint, r2: bigint, r3: bigint, r4: bigint, r5: bigint) => bigint;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const u64 = (n: number | bigint) => BigInt.asUintN(64, BigInt(n));

/** The import object's `bpf` namespace. */
export function helperImports(s: HelperState): Record<string, Helper> {
  const m = () => s.memory;
  const hashMap = (handle: bigint): SimMap => {
    const map = s.map(handle);
    if (map instanceof SimRingBuf) throw new TypeError(`simulator: '${map.name}' is a ring buffer, not a map`);
    return map;
  };
  const ringBuf = (handle: bigint): SimRingBuf => {
    const ring = s.map(handle);
    if (!(ring instanceof SimRingBuf)) throw new TypeError(`simulator: '${ring.name}' is not a ring buffer`);
    return ring;
  };
  /** Records reserved and not yet submitted or discarded, by address. */
  const reserved = new Map<bigint, SimRingBuf>();
  const reservedRing = (data: bigint, action: string): SimRingBuf => {
    const ring = reserved.get(data);
    if (!ring) throw new Error(`simulator: ringbuf_${action} of ${data}, which is no reserved record`);
    return ring;
  };
  const read = (dst: bigint, size: bigint, src: bigint): bigint => {
    const n = Number(size);
    if (!m().valid(src, n)) {
      m().bytes(dst, n).fill(0);
      return u64(-EFAULT);
    }
    m().write(dst, m().read(src, n));
    return 0n;
  };
  const readStr = (dst: bigint, size: bigint, src: bigint): bigint => {
    const n = Number(size);
    if (n === 0) return 0n;
    const out = m().bytes(dst, n);
    if (!m().valid(src, 1)) {
      out.fill(0);
      return u64(-EFAULT);
    }
    let i = 0;
    for (; i < n - 1 && m().valid(src + BigInt(i), 1); i++) {
      const byte = m().bytes(src + BigInt(i), 1)[0]!;
      if (byte === 0) break;
      m().bytes(dst + BigInt(i), 1)[0] = byte;
    }
    m().bytes(dst + BigInt(i), 1)[0] = 0;
    return BigInt(i + 1);
  };
  const helpers: Record<string, Helper> = {
    map_lookup_elem: (map, key) => {
      const mm = hashMap(map);
      return mm.lookup(m().read(key, mm.keySize));
    },
    map_update_elem: (map, key, value, flags) => {
      const mm = hashMap(map);
      return u64(mm.update(m().read(key, mm.keySize), m().read(value, mm.valueSize), flags));
    },
    map_delete_elem: (map, key) => {
      const mm = hashMap(map);
      return u64(mm.delete(m().read(key, mm.keySize)));
    },
    probe_read: read,
    probe_read_user: read,
    probe_read_kernel: read,
    probe_read_str: readStr,
    probe_read_user_str: readStr,
    probe_read_kernel_str: readStr,
    ktime_get_ns: () => s.now(),
    ktime_get_boot_ns: () => s.now(),
    ktime_get_coarse_ns: () => s.now(),
    ktime_get_tai_ns: () => s.now(),
    jiffies64: () => s.now() / 4_000_000n,
    get_current_pid_tgid: () => (BigInt(s.task().pid) << 32n) | BigInt(s.task().tid),
    get_current_uid_gid: () => (BigInt(s.task().gid) << 32n) | BigInt(s.task().uid),
    get_current_comm: (buf, size) => {
      const n = Number(size);
      const out = m().bytes(buf, n);
      out.fill(0);
      out.set(encoder.encode(s.task().comm).subarray(0, Math.min(15, n - 1)));
      return 0n;
    },
    get_current_cgroup_id: () => s.task().cgroupId,
    get_smp_processor_id: () => BigInt(s.task().cpu),
    get_numa_node_id: () => 0n,
    get_prandom_u32: () => BigInt(s.random()),
    ringbuf_output: (map, data, size) => u64(ringBuf(map).output(m().read(data, Number(size)))),
    ringbuf_reserve: (map, size) => {
      const ring = ringBuf(map);
      const at = ring.reserve(Number(size));
      if (at !== 0n) reserved.set(at, ring);
      return at;
    },
    ringbuf_submit: (data) => {
      reservedRing(data, "submit").submit(data);
      reserved.delete(data);
      return 0n;
    },
    ringbuf_discard: (data) => {
      reservedRing(data, "discard").discard(data);
      reserved.delete(data);
      return 0n;
    },
    // Not a helper: the address the loader would patch into an ld_imm64 of global data.
    map_value_address: (map, offset) => {
      const mm = hashMap(map);
      if (mm.spec.mapType !== MapType.ARRAY || mm.spec.maxEntries !== 1) {
        throw new TypeError(`simulator: '${mm.name}' is not global data (a one-entry array)`);
      }
      return mm.lookup(new Uint8Array(4)) + offset;
    },
    trace_printk: (fmt, size, a, b, c) => {
      const text = decoder.decode(m().read(fmt, Number(size))).replace(/\0.*$/s, "");
      s.printk(formatPrintk(text, [a, b, c]).replace(/\n$/, ""));
      return BigInt(text.length);
    },
    get_stackid: (_ctx, map, flags) => {
      const user = (flags & 256n) !== 0n;
      const stack = user ? s.task().userStack : s.task().kernelStack;
      if (!stack?.length) return u64(-EFAULT);
      return u64(s.stackId(hashMap(map), stack));
    },
  };
  return helpers;
}

/** trace_printk's format: %d %i %u %x with optional l/ll, %s is not supported by the helper either. */
function formatPrintk(format: string, args: bigint[]): string {
  let next = 0;
  return format.replace(/%(l{0,2})([diuxX%])/g, (_all, length: string, conv: string) => {
    if (conv === "%") return "%";
    const raw = args[next++] ?? 0n;
    const bits = length === "" ? 32 : 64;
    const signed = conv === "d" || conv === "i";
    const v = signed ? BigInt.asIntN(bits, raw) : BigInt.asUintN(bits, raw);
    return conv === "x" ? v.toString(16) : conv === "X" ? v.toString(16).toUpperCase() : v.toString();
  });
}
