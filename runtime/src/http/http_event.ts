/**
 * The records probes/http/http_capture.ts sends up its `events` ring buffer, as the session
 * decodes them, and the small conversions userspace needs (peer address and port, the part of
 * a prefix that is real). The kernel only reports "a connection opened / these bytes moved /
 * it closed"; everything HTTP is parsed here in userspace.
 */

/** Record kinds. */
export const OPEN = 1;
export const DATA = 2;
export const CLOSE = 3;

/** Connection roles: accepted (server) or connected (client). */
export const SERVER = 1;
export const CLIENT = 2;

/** Directions of DATA records, seen from the traced process. */
export const IN = 1;
export const OUT = 2;

const AF_INET = 2;
const AF_INET6 = 10;

/** One decoded record of the capture probe. */
export interface HttpEvent {
  kind: number;
  role: number;
  dir: number;
  family: number;
  /** The peer's port as the kernel stored it (network byte order). */
  port: number;
  pid: number;
  tid: number;
  fd: number;
  listenFd: number;
  len: number;
  seg: number;
  ts: bigint;
  /** The peer's address as four little-endian 32-bit words (IPv4 uses the first). */
  addr0: number;
  addr1: number;
  addr2: number;
  addr3: number;
  /** Up to 256 bytes from the start of the buffer (stops at a NUL; may hold stale bytes past len). */
  data: string;
}

/** The bytes of a DATA record that really were in the buffer: at most min(len, seg). */
export function visiblePrefix(event: HttpEvent): string {
  const real = event.seg < event.len ? event.seg : event.len;
  return real < event.data.length ? event.data.slice(0, real) : event.data;
}

/** A peer endpoint as text, from an OPEN record; undefined when the kernel read no address. */
export function peerEndpoint(event: HttpEvent): { address: string; port: number } | undefined {
  const port = ((event.port & 0xff) << 8) | (event.port >> 8);
  const bytes = new Uint8Array(new Uint32Array([event.addr0, event.addr1, event.addr2, event.addr3]).buffer);
  if (event.family === AF_INET) return { address: [...bytes.subarray(0, 4)].join("."), port };
  if (event.family === AF_INET6) {
    // IPv4-mapped addresses (::ffff:a.b.c.d), what dual-stack servers see, print as IPv4.
    if (bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
      return { address: [...bytes.subarray(12, 16)].join("."), port };
    }
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
    return { address: groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::"), port };
  }
  return undefined;
}
