/**
 * tcplife: TCP sessions as they close, with their endpoints, the process that owned them and
 * how long they lasted. A port of bcc's tcplife to the `sock:inet_sock_set_state` tracepoint
 * (no kprobes needed): a socket is born at its first state change below FIN_WAIT1; its process
 * is recorded when it connects (SYN_SENT) or closes (LAST_ACK), where the kernel runs in the
 * owner's context; the session ends at CLOSE. Byte counts would need kernel struct offsets and
 * are left out.
 *
 * Run: tsbpf run examples/tcplife.ts
 *
 * Prints:
 *
 *   PID     COMM             LADDR:LPORT              RADDR:RPORT                MS
 *   <pid>   <comm>           <laddr>:<lport>          <raddr>:<rport>          <ms>
 */
import {
  type Arr, comm, HashMap, ktimeNs, pid, RingBuf, type str, tracepoint, type u16, type u32,
  type u64, type u8,
} from "@ts-bpf/probes";

const TCP_SYN_SENT = 2;
const TCP_FIN_WAIT1 = 4;
const TCP_CLOSE = 7;
const TCP_LAST_ACK = 9;
const IPPROTO_TCP = 6;
const AF_INET = 2;

interface Session {
  bornNs: u64;
  pid: u32;
  comm: str<16>;
}

interface SessionEvent {
  pid: u32;
  durationMs: u64;
  family: u16;
  localPort: u16;
  remotePort: u16;
  localV4: Arr<u8, 4>;
  remoteV4: Arr<u8, 4>;
  localV6: Arr<u8, 16>;
  remoteV6: Arr<u8, 16>;
  comm: str<16>;
}

/** Sessions by socket address. */
const sessions = new HashMap<u64, Session>({ entries: 10240 });
const closed = new RingBuf<SessionEvent>({ bytes: 256 * 1024 });

tracepoint("sock:inet_sock_set_state", (ctx) => {
  if (ctx.protocol !== IPPROTO_TCP) return;
  const socket = ctx.skaddr;
  if (ctx.newstate < TCP_FIN_WAIT1 && sessions.get(socket) === undefined) {
    sessions.set(socket, { bornNs: ktimeNs(), pid: pid(), comm: comm() });
  }
  if (ctx.newstate === TCP_SYN_SENT || ctx.newstate === TCP_LAST_ACK) {
    const session = sessions.get(socket);
    if (session !== undefined) {
      session.pid = pid();
      session.comm = comm();
    }
  }
  if (ctx.newstate !== TCP_CLOSE) return;
  const session = sessions.get(socket);
  if (session === undefined) return; // it started before the probe
  closed.emit({
    pid: session.pid, durationMs: (ktimeNs() - session.bornNs) / 1000000n, family: ctx.family,
    localPort: ctx.sport, remotePort: ctx.dport, localV4: ctx.saddr, remoteV4: ctx.daddr,
    localV6: ctx.saddr_v6, remoteV6: ctx.daddr_v6, comm: session.comm,
  });
  sessions.delete(socket);
});

// Userspace.
function address(family: number, v4: number[], v6: number[]): string {
  if (family === AF_INET) return v4.join(".");
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(((v6[i]! << 8) | v6[i + 1]!).toString(16));
  return `[${groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::")}]`;
}

console.log(`${"PID".padEnd(7)} ${"COMM".padEnd(16)} ${"LADDR:LPORT".padEnd(24)} ` +
  `${"RADDR:RPORT".padEnd(24)} ${"MS".padStart(6)}`);
closed.on((e) => {
  const local = `${address(e.family, e.localV4, e.localV6)}:${e.localPort}`;
  const remote = `${address(e.family, e.remoteV4, e.remoteV6)}:${e.remotePort}`;
  console.log(`${String(e.pid).padEnd(7)} ${e.comm.padEnd(16)} ${local.padEnd(24)} ` +
    `${remote.padEnd(24)} ${String(e.durationMs).padStart(6)}`);
});
