/**
 * A process's TCP sockets as /proc shows them: an fd's link names the socket inode
 * (`socket:[12345]`), and /proc/<pid>/net/tcp and tcp6 list each inode with its local address.
 * Used for what the syscall arguments did not carry: the local port of a listening socket
 * (server connections report the fd they were accepted on, so one lookup per listening socket
 * gives `server.port` for all of them; a listening socket lives long, so /proc still has it when
 * its first connection's record is read). Cached; undefined when the socket is already gone.
 * (A connection's peer comes from the kernel: a short connection is often gone from /proc by the
 * time its first record is read.)
 */
import { readFileSync, readlinkSync } from "node:fs";

export interface Endpoint {
  address: string;
  port: number;
}

export class SocketTable {
  /** By pid * 2^31 + fd (exact: pids are below 2^22, fds below 2^31), no string per lookup. */
  readonly #ports = new Map<number, number>();

  /** The local port listening fd `fd` of process `pid` is bound to. */
  localPort(pid: number, fd: number): number | undefined {
    const key = pid * 0x80000000 + fd;
    const cached = this.#ports.get(key);
    if (cached !== undefined) return cached;
    // An unknown answer is not cached: the socket may show up in /proc on the next try.
    const port = lookup(pid, fd)?.local.port;
    if (port !== undefined) this.#ports.set(key, port);
    return port;
  }
}

function lookup(pid: number, fd: number): { local: Endpoint } | undefined {
  let inode: string;
  try {
    const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
    if (!m) return undefined;
    inode = m[1]!;
  } catch {
    return undefined;
  }
  for (const table of ["tcp", "tcp6"]) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, "latin1");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[9] === inode) return { local: endpoint(cols[1]!) };
    }
  }
  return undefined;
}

/** `0100007F:1F90` (IPv4) or 32 hex digits (IPv6, four host-order words) and a hex port. */
export function endpoint(text: string): Endpoint {
  const [hex, port] = text.split(":") as [string, string];
  const bytes: number[] = [];
  for (let word = 0; word < hex.length / 8; word++) {
    const value = parseInt(hex.slice(word * 8, word * 8 + 8), 16);
    bytes.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24);
  }
  const p = parseInt(port, 16);
  if (bytes.length === 4) return { address: bytes.join("."), port: p };
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return { address: bytes.slice(12).join("."), port: p };
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return { address: groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::"), port: p };
}
