/**
 * Feeds the capture probe's records to the exchange tracker straight from the ring buffer's
 * memory (Session.onRaw): the fields a DATA or CLOSE record needs are read at their offsets,
 * and its prefix is handed over as bytes in place, so no object, string or BigInt is made per
 * record (decoding every record into an object with its 256-byte string was a third of the
 * agent's work per request). OPEN records, one per connection, are decoded into an HttpEvent
 * for the selection and the tracker by the session's compiled decoder. The offsets come from
 * the artifact's record layout, checked against the fields and types http_event.ts describes.
 */
import type { TypeLayout } from "@ts-bpf/loader";
import { compileDecoder } from "../decode/compiled_decoder.ts";
import type { ExchangeTracker } from "./exchange_tracker.ts";
import { CLOSE, DATA, type HttpEvent, OPEN } from "./http_event.ts";

/** Integer fields of a record and their widths in bits; `ts` is 64-bit, `data` a string. */
const INTEGER_FIELDS = {
  kind: 8, role: 8, dir: 8, family: 16, port: 16, pid: 32, tid: 32, fd: 32, listenFd: 32, len: 32, seg: 32,
  addr0: 32, addr1: 32, addr2: 32, addr3: 32, ts: 64,
} as const;

type Offsets = Record<keyof typeof INTEGER_FIELDS | "data", number> & { dataCapacity: number };

/** Where each field lies in a record; throws when the layout is not the one this code reads. */
export function recordOffsets(layout: TypeLayout): Offsets {
  if (layout.kind !== "struct") throw new Error(`The capture probe's records are ${layout.kind}, not a struct`);
  const out: Partial<Offsets> = {};
  const field = (name: string) => {
    const f = layout.fields.find((x) => x.name === name);
    if (!f) throw new Error(`The capture probe's records have no field '${name}' (runtime/src/http/record_feed.ts reads it)`);
    return f;
  };
  for (const [name, bits] of Object.entries(INTEGER_FIELDS)) {
    const f = field(name);
    if (f.type.kind !== "int" || f.type.bits !== bits || f.type.signed) {
      throw new Error(`The capture probe's record field '${name}' is not an unsigned ${bits}-bit integer`);
    }
    out[name as keyof Offsets] = f.offset;
  }
  const data = field("data");
  if (data.type.kind !== "str") throw new Error("The capture probe's record field 'data' is not a string");
  out.data = data.offset;
  out.dataCapacity = data.type.capacity;
  return out as Offsets;
}

export interface RecordFeedOptions {
  /** Records of this process are ignored (the agent's own traffic). */
  self: number;
  /** Whether to follow a new connection (its OPEN record). */
  accept(event: HttpEvent): boolean;
}

/** A ring-buffer subscriber (record at `offset` of `view`) that feeds `tracker`. */
export function recordFeed(layout: TypeLayout, tracker: ExchangeTracker,
  options: RecordFeedOptions): (view: DataView, offset: number) => void {
  const f = recordOffsets(layout);
  const decodeOpen = compileDecoder(layout);
  const { self, accept } = options;
  const time = tracker.time;
  const pidAt = wordIndex(f, "pid");
  const tidAt = wordIndex(f, "tid");
  const fdAt = wordIndex(f, "fd");
  const lenAt = wordIndex(f, "len");
  const segAt = wordIndex(f, "seg");
  const tsAt = wordIndex(f, "ts");
  // Bytes and 32-bit words over the view, made again only when the view changes (the ring buffer
  // hands out one view for all its records). Fields are read from the typed arrays, which every
  // tier of the JIT reads inline; the kernel wrote them in this machine's byte order, which is
  // what typed arrays read.
  let lastView: DataView | undefined;
  let bytes: Uint8Array = new Uint8Array(0);
  let words: Uint32Array = new Uint32Array(0);
  let signed: Int32Array = new Int32Array(0);
  return (view, o) => {
    if (view !== lastView) {
      if ((view.byteOffset & 3) !== 0) throw new Error("A ring buffer's records must be 4-byte aligned");
      lastView = view;
      bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      words = new Uint32Array(view.buffer, view.byteOffset, view.byteLength >>> 2);
      signed = new Int32Array(view.buffer, view.byteOffset, view.byteLength >>> 2);
    }
    // Records start 8-byte aligned (the ring buffer's rule) and these fields are 4-byte aligned
    // in them (wordIndex checked): read as whole words.
    if ((o & 3) !== 0) throw new Error(`A capture record at offset ${o} is not 4-byte aligned`);
    const w = o >>> 2;
    const pid = words[w + pidAt]!;
    if (pid === self) return;
    const kind = bytes[o + f.kind];
    if (kind === DATA) {
      const len = words[w + lenAt]!;
      const seg = words[w + segAt]!;
      let limit = seg < len ? seg : len;
      if (limit > f.dataCapacity) limit = f.dataCapacity;
      tracker.data(pid, words[w + fdAt]!, words[w + tidAt]!, bytes[o + f.dir]!, len, bytes, o + f.data, limit,
        time.fromHalves(words[w + tsAt + 1]!, signed[w + tsAt]!));
    } else if (kind === CLOSE) {
      tracker.close(pid, words[w + fdAt]!, time.fromHalves(words[w + tsAt + 1]!, signed[w + tsAt]!));
    } else if (kind === OPEN) {
      // One per connection: decoded whole, as the session decodes records.
      const event = decodeOpen(view, o) as unknown as HttpEvent;
      if (accept(event)) tracker.push(event);
    }
  };
}

/** A field's offset in 32-bit words; throws when it is not 4-byte aligned. */
function wordIndex(f: Offsets, name: "pid" | "tid" | "fd" | "len" | "seg" | "ts"): number {
  if (f[name] % 4 !== 0 || (name === "ts" && f.ts % 8 !== 0)) {
    throw new Error(`The capture probe's record field '${name}' is not aligned (runtime/src/http/record_feed.ts reads it as words)`);
  }
  return f[name] >>> 2;
}
