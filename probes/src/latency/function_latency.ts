/**
 * The function-latency probe behind `tsbpf latency`: how long functions of a compiled program
 * take, without touching its code. Kernel code only; the runtime (runtime/src/latency/) picks
 * the functions, attaches these two programs to every one of them and reads the maps.
 *
 * One entry program and one return program serve every probed function: the runtime attaches
 * them with the bpf cookie set to the function's index, so 200+ functions share two programs
 * and one set of maps. Entries and returns pair up per thread through a stack of entry
 * timestamps (at most 32 deep), so recursion and many threads in the same function stay exact:
 * frame (tid, depth) holds the entry time and the function index; a return pops the top frame.
 * A return with no frame (the probe was attached while the call was running) is dropped and
 * counted, never recorded as a duration. When the top frame belongs to another function, the
 * calls above were unwound without returning (an exception or longjmp, which only return-
 * instruction probes survive): the return looks up to 7 frames down for its own, and the
 * frames above it are counted as dropped. The attach targets named below are placeholders: the
 * runtime attaches the programs itself.
 */
import {
  cookie, Count, Histogram, ktimeNs, LruHashMap, tid, u32, u64, uprobe, uretprobe,
} from "@ts-bpf/probes";

/** One entry of a thread's stack: when the call started, and which function it was. */
interface Frame { start: u64; fn: u64 }
/** A thread's stack depth (the number of probed calls it is inside). */
interface Depth { value: u32 }

// Map operations are most of the programs' cost, so each hit does as few as it can: the depth is
// changed in place through the reference get() returns, and a popped frame is not deleted (the
// depth says which frames are live; the next entry at that depth overwrites it).

/** Stack depth per thread. */
const depths = new LruHashMap<u32, Depth>({ entries: 16384 });
/** Frames keyed by tid × 64 + depth; depth stays below 32. */
const frames = new LruHashMap<u64, Frame>({ entries: 65536 });
/** Duration in ns of every completed call, a log2 histogram per function index (keys are
 * function × bucket: 16 buckets each for 4096 functions). */
const durations = new Histogram<u32>({ entries: 65536 });
/** Dropped: 0 returns without an entry (attached mid-call), 1 calls that never returned through
 * their probe (unwound by an exception or longjmp; or a return whose frame was not found),
 * 2 returns deeper than the stack keeps. */
const dropped = new Count<u32>({ entries: 4 });

uprobe("tsbpf-latency", "entry", () => {
  const t = tid();
  const depth = depths.get(t);
  if (depth === undefined) {
    frames.set(u64(t) * 64n, { start: ktimeNs(), fn: cookie() });
    depths.set(t, { value: 1 });
    return;
  }
  if (depth.value < 32) {
    frames.set(u64(t) * 64n + u64(depth.value), { start: ktimeNs(), fn: cookie() });
  }
  // Past 32 deep the depth still counts, so the returns of the outer calls still pair up.
  depth.value = depth.value + 1;
});

uretprobe("tsbpf-latency", "return", () => {
  const now = ktimeNs();
  const t = tid();
  const depth = depths.get(t);
  if (depth === undefined || depth.value === 0) {
    dropped.increment(0);
    return;
  }
  const top: u32 = depth.value - 1;
  depth.value = top;
  if (top >= 32) {
    dropped.increment(2);
    return;
  }
  const frame = frames.get(u64(t) * 64n + u64(top));
  if (frame === undefined) {
    dropped.increment(0);
    return;
  }
  const fn: u64 = cookie();
  if (frame.fn !== fn) {
    // The calls above this one never passed their return probe (an exception or longjmp unwound
    // them): find this call's own frame a few levels down, and drop the ones above it.
    for (let i: u32 = 1; i < 8; i++) {
      if (i > top) break;
      const below = frames.get(u64(t) * 64n + u64(top - i));
      if (below !== undefined && below.fn === fn) {
        durations.record(now - below.start, u32(fn));
        depth.value = top - i;
        dropped.increment(1, u64(i));
        return;
      }
    }
    dropped.increment(1);
    return;
  }
  durations.record(now - frame.start, u32(fn));
});
