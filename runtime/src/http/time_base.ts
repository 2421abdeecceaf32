/**
 * Kernel times (CLOCK_MONOTONIC ns, 64-bit) as plain numbers: nanoseconds since the first
 * record seen. A record's 64-bit time read as a BigInt costs an allocation, and so does every
 * comparison and subtraction on it; the tracker handles four records per request, so it works
 * on these numbers and makes a BigInt only where an exchange's time is asked for. Exact while
 * the agent runs less than 2^53 ns (104 days) after its first record.
 */
const TWO_32 = 4294967296;

export class TimeBase {
  #epoch: bigint | undefined;
  #high = 0;
  /** The epoch's low half, unsigned. */
  #low = 0;

  /**
   * A time given as its two 32-bit halves as they lie in a record, the low one read as a
   * signed integer: what an Int32Array gives, always a small integer to the JIT (an unsigned
   * read past 2^31 turns into a double, and code compiled for one kind falls back when it sees
   * the other). The arithmetic is on doubles throughout.
   */
  fromHalves(high: number, lowSigned: number): number {
    const low = lowSigned < 0 ? lowSigned + TWO_32 : lowSigned;
    if (this.#epoch === undefined) this.#set(high, low);
    return (high - this.#high) * TWO_32 + (low - this.#low);
  }

  fromBigint(ns: bigint): number {
    if (this.#epoch === undefined) this.#set(Number(ns >> 32n), Number(ns & 0xffffffffn));
    return Number(ns - this.#epoch!);
  }

  toBigint(at: number): bigint {
    return (this.#epoch ?? 0n) + BigInt(at);
  }

  #set(high: number, low: number): void {
    this.#high = high;
    this.#low = low;
    this.#epoch = (BigInt(high) << 32n) | BigInt(low);
  }
}
