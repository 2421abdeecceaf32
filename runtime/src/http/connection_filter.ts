/**
 * Stops the capture probe following a connection the monitor's selection leaves out
 * (--pid/--exe/--port): its `conns` entry is deleted as soon as its OPEN record arrives, so the
 * kernel sends nothing more about it, instead of a record for every read and write that
 * userspace would then throw away. Following nginx alone under wrk, that is every one of wrk's
 * records. An entry is deleted only if it is still that connection's: its openedNs is the OPEN
 * record's ts, and a later connection that reused the fd number has another. (A reuse in the
 * instant between that check and the delete would lose the newer connection; the kernel offers
 * no compare-and-delete for hash maps.)
 */
import type { ArtifactMap, BpfMap } from "@ts-bpf/loader";
import { decodeValue, encodeValue } from "../decode/value_codec.ts";
import type { Session } from "../session.ts";

export class ConnectionFilter {
  readonly #conns: { artifact: ArtifactMap; live: BpfMap };
  #forgotten = 0;

  constructor(session: Session) {
    this.#conns = session.map("conns");
  }

  /** Connections the kernel stopped following so far. */
  get forgotten(): number {
    return this.#forgotten;
  }

  /** The kernel stops following connection `fd` of `pid`, opened at `openedNs` (its OPEN ts). */
  forget(pid: number, fd: number, openedNs: bigint): void {
    const key = encodeValue(this.#conns.artifact.key, { pid, fd });
    const value = this.#conns.live.lookup(key);
    if (!value) return;
    const conn = decodeValue(this.#conns.artifact.value, value) as { openedNs: bigint };
    if (conn.openedNs !== openedNs) return;
    if (this.#conns.live.delete(key)) this.#forgotten++;
  }
}
