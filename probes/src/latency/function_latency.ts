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
 * A return with no frame (the probe was attached while the call was running), or whose frame
 * belongs to another function (a frame left by an exception or longjmp), is dropped and
 * counted, never recorded as a duration. The attach targets named below are placeholders: the
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
/** Returns dropped: 0 no entry seen (attached mid-call), 1 frame of another function,
 * 2 deeper than the stack keeps. */
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
  if (frame.fn !== cookie()) {
    dropped.increment(1);
    return;
  }
  durations.record(now - frame.start, u32(frame.fn));
});
