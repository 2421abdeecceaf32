/**
 * UDP sockets on 127.0.0.1 through raw syscalls, so tests hold the socket's fd (node:dgram
 * hides it) and run alike in Bun and Deno. Non-blocking; test support only.
 */
import { SyscallError } from "../../sys/errors.ts";
import { SYS } from "../../sys/numbers.ts";
import { backend } from "../../sys/select_backend.ts";
import type { NativeMemory } from "../../sys/backend.ts";

const AF_INET = 2;
const SOCK_DGRAM = 2;
const SOCK_NONBLOCK = 0o4000;
const SOCK_CLOEXEC = 0o2000000;
const MSG_DONTWAIT = 0x40;
const EAGAIN = 11;
const LOOPBACK = [127, 0, 0, 1];

/** A UDP socket bound to 127.0.0.1 on a port the kernel picks. */
export class UdpSocket {
  readonly fd: number;
  readonly port: number;
  #buffer: NativeMemory;
  #address: NativeMemory;
  #closed = false;

  constructor() {
    const sys = backend();
    this.fd = check(sys.syscall(SYS.socket, AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0),
      "socket");
    this.#buffer = sys.alloc(2048);
    this.#address = sys.alloc(32);
    try {
      writeAddress(this.#address, 0);
      check(sys.syscall(SYS.bind, this.fd, this.#address.address, 16), "bind");
      const length = new DataView(this.#address.bytes.buffer, this.#address.bytes.byteOffset);
      length.setUint32(16, 16, true);
      check(sys.syscall(SYS.getsockname, this.fd, this.#address.address,
        this.#address.address + 16), "getsockname");
      this.port = (this.#address.bytes[2]! << 8) | this.#address.bytes[3]!;
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Sends `payload` to 127.0.0.1:`port`. */
  sendTo(port: number, payload: Uint8Array): void {
    this.#buffer.bytes.set(payload);
    writeAddress(this.#address, port);
    check(backend().syscall(SYS.sendto, this.fd, this.#buffer.address, payload.length, 0,
      this.#address.address, 16), "sendto");
  }

  /** The next datagram waiting, or undefined when none is. */
  receive(): Uint8Array | undefined {
    const n = backend().syscall(SYS.recvfrom, this.fd, this.#buffer.address, 2048, MSG_DONTWAIT,
      0, 0);
    if (n === -EAGAIN) return undefined;
    check(n, "recvfrom");
    return this.#buffer.bytes.slice(0, n);
  }

  /** Every datagram waiting. */
  receiveAll(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let d = this.receive(); d; d = this.receive()) out.push(d);
    return out;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const sys = backend();
    if (this.fd >= 0) sys.syscall(SYS.close, this.fd);
    sys.free(this.#buffer);
    sys.free(this.#address);
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

function writeAddress(memory: NativeMemory, port: number): void {
  const bytes = memory.bytes;
  bytes.fill(0, 0, 16);
  bytes[0] = AF_INET; // sa_family, little-endian u16
  bytes[2] = port >> 8; // sin_port, big-endian
  bytes[3] = port & 0xff;
  bytes.set(LOOPBACK, 4);
}

function check(result: number, op: string): number {
  if (result < 0) throw new SyscallError(op, -result);
  return result;
}
