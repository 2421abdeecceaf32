/**
 * The simulator's address space: the WebAssembly module's linear memory, where the probe's
 * stack frames, contexts, map values and simulated user memory all live, so a pointer the probe
 * holds is a plain address and a map value it updates in place is the map's own storage. A
 * bump allocator (maps recycle their own elements, as the kernel's do); the first page is never
 * handed out, so 0 stays NULL and small bad addresses fault.
 */

const PAGE = 65536;
const NULL_PAGE = 4096;

export class SimMemory {
  #memory: WebAssembly.Memory;
  #grow: (pages: number) => number;
  #top = NULL_PAGE;

  constructor(memory: WebAssembly.Memory, grow: (pages: number) => number) {
    this.#memory = memory;
    this.#grow = grow;
  }

  /** Bytes currently addressable. */
  get size(): number {
    return this.#memory.buffer.byteLength;
  }

  /** `length` zeroed bytes aligned to 8; returns their address. */
  alloc(length: number): bigint {
    const size = Math.max(8, Math.ceil(length / 8) * 8);
    const at = this.#top;
    if (at + size > this.size) {
      const pages = Math.ceil((at + size - this.size) / PAGE);
      if (this.#grow(pages) < 0) throw new RangeError(`simulator: out of memory (${at + size} bytes)`);
    }
    this.#top = at + size;
    return BigInt(at);
  }

  /** Whether [address, address + length) is allocated memory (not NULL's page, not past the end). */
  valid(address: bigint, length: number): boolean {
    return address >= BigInt(NULL_PAGE) && address + BigInt(length) <= BigInt(this.#top);
  }

  /** A live view of `length` bytes at `address` (invalid after the memory grows). */
  bytes(address: bigint, length: number): Uint8Array {
    return new Uint8Array(this.#memory.buffer, Number(address), length);
  }

  /** A copy of `length` bytes at `address`. */
  read(address: bigint, length: number): Uint8Array {
    return this.bytes(address, length).slice();
  }

  write(address: bigint, data: Uint8Array): void {
    this.bytes(address, data.length).set(data);
  }

  /** Copies `data` into fresh memory (with a NUL after it when `nul`); returns its address. */
  place(data: Uint8Array, nul = false): bigint {
    const at = this.alloc(data.length + (nul ? 1 : 0));
    this.write(at, data);
    return at;
  }
}
