/**
 * Reads a 64-bit position the kernel publishes in memory shared with us (a ring buffer's
 * producer position, a perf buffer's data_head), as a number.
 *
 * Plain 32-bit loads, never `Atomics.load`: in Bun, `Atomics.load` over the read-only producer
 * pages segfaults after JIT tier-up (JSC emits `lock cmpxchg`, a write; PLATFORM.md). Plain
 * loads are sound here because x86-64 never reorders a load with an earlier load, which is the
 * acquire ordering the kernel's protocol asks of the reader. Not portable to weakly ordered CPUs
 * (arm64 would need a barrier the JS memory model cannot express over foreign memory).
 */

const TWO_32 = 4294967296;

/**
 * The u64 at 32-bit word `index` (little endian: low word first) as a number.
 *
 * The kernel writes the value with one 64-bit store, but we read it as two halves; reading the
 * high half before and after the low half and retrying when it moved gives a consistent pair
 * (the value only grows). Positions stay far below 2^53 (that is 8 PiB of records).
 */
export function loadU64(words: Uint32Array, index: number): number {
  for (;;) {
    const high = words[index + 1]!;
    const low = words[index]!;
    if (words[index + 1] === high) return high * TWO_32 + low;
  }
}
