/**
 * A scriptable fake syscall backend for unprivileged unit tests of error paths: tests register
 * handlers per syscall (and per bpf command) and read what the loader wrote into its attrs.
 * It is not a kernel: tests of kernel behaviour load real programs.
 *
 * ```ts
 * const fake = new FakeBackend();
 * fake.onBpf(BpfCmd.MAP_CREATE, () => -EPERM);
 * const previous = setBackend(fake);
 * expect(() => BpfMap.create(spec)).toThrow("operation not permitted");
 * ```
 */
import type { NativeMemory, SyscallBackend } from "../backend.ts";
import { SYS } from "../numbers.ts";

const ENOSYS = 38;

/** One bpf() call as the fake saw it: the command and a copy of its attr. */
export interface FakeBpfCall {
  cmd: number;
  attr: DataView;
}

type SyscallHandler = (args: number[]) => number;
type BpfHandler = (attr: DataView, call: number) => number;

export class FakeBackend implements SyscallBackend {
  readonly runtime = "fake" as const;
  readonly bpfCalls: FakeBpfCall[] = [];
  #memory = new Map<number, Uint8Array>();
  #nextAddress = 0x10000;
  #syscalls = new Map<number, SyscallHandler>();
  #bpf = new Map<number, BpfHandler>();
  #bpfCounts = new Map<number, number>();

  /** Handles syscall `nr`; the handler returns the result or -errno. */
  onSyscall(nr: number, handler: SyscallHandler): this {
    this.#syscalls.set(nr, handler);
    return this;
  }

  /** Handles bpf(cmd); the handler sees the attr and how many times cmd was called before. */
  onBpf(cmd: number, handler: BpfHandler): this {
    this.#bpf.set(cmd, handler);
    return this;
  }

  /** The bytes behind an address the loader allocated (for handlers that write results). */
  memoryAt(address: number, length: number): Uint8Array {
    for (const [base, bytes] of this.#memory) {
      if (address >= base && address + length <= base + bytes.length) {
        return bytes.subarray(address - base, address - base + length);
      }
    }
    throw new Error(`fake backend: no allocation covers 0x${address.toString(16)}+${length}`);
  }

  syscall(nr: number, ...args: (number | bigint | undefined)[]): number {
    const numbers = args.map((a) => Number(a ?? 0));
    if (nr === SYS.bpf) {
      const cmd = numbers[0]!;
      const attr = this.memoryAt(numbers[1]!, numbers[2]!);
      const view = new DataView(attr.slice().buffer);
      this.bpfCalls.push({ cmd, attr: view });
      const count = this.#bpfCounts.get(cmd) ?? 0;
      this.#bpfCounts.set(cmd, count + 1);
      const handler = this.#bpf.get(cmd);
      return handler ? handler(new DataView(attr.buffer, attr.byteOffset, attr.length), count)
        : -ENOSYS;
    }
    const handler = this.#syscalls.get(nr);
    if (handler) return handler(numbers);
    if (nr === SYS.close) return 0;
    return -ENOSYS;
  }

  alloc(size: number): NativeMemory {
    const bytes = new Uint8Array(Math.max(size, 1));
    const address = this.#nextAddress;
    this.#nextAddress += Math.ceil((size + 1) / 16) * 16 + 16;
    this.#memory.set(address, bytes);
    return { address, bytes: bytes.subarray(0, size) };
  }

  free(memory: NativeMemory): void {
    this.#memory.delete(memory.address);
  }

  view(address: number, length: number): Uint8Array {
    return this.memoryAt(address, length);
  }

  epollWait(): Promise<number> {
    return Promise.resolve(0);
  }

  shutdown(): void {}
}
