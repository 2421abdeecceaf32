/**
 * A live probe session: compile (or take an artifact), load maps and programs, start consuming
 * ring buffers before anything is attached, bind the probe's userspace code to the live maps,
 * attach, and on close detach everything and report the maps' final state. Any failure while
 * starting undoes what was done, so nothing is left half-attached.
 */
import {
  type Artifact, type ArtifactMap, type BpfMap, closeFd, type Collection, enableStats, kernelStructOffsets,
  type Link, loadCollection, readBpfObject, PerfBufReader, readFileText, RingBufReader,
} from "@ts-bpf/loader";
import { declared, type MapBinding, setBinder } from "@ts-bpf/probes";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type DecodedValue, decodeValue, encodeValue } from "./decode/value_codec.ts";
import { compileDecoder } from "./decode/compiled_decoder.ts";
import { droppedRecords, type MapSnapshot, snapshot } from "./decode/map_snapshot.ts";
import { attachProgram, describeAttach } from "./attach_program.ts";
import { ProbeError } from "./probe_error.ts";
import { checkKernelOffsets } from "./kernel_offsets_check.ts";
import { formatResolver } from "./tracepoint_formats.ts";

export interface SessionOptions {
  /** Called with every ring-buffer record as it arrives (decoded). */
  onEvent?: (map: string, record: DecodedValue) => void;
  /** Progress lines ("compiled in 12 ms", "attached …"). */
  progress?: (line: string) => void;
  /** Run the probe's userspace code (default true). */
  userspace?: boolean;
  /** A pinned copy of tracefs' events/ to compile against (default: the running kernel's). */
  tracepointFormats?: string;
  /** A pinned copy of the kernel's BTF for kernelOffset() (default: /sys/kernel/btf/vmlinux). */
  btf?: string;
  /** Count program run time (kernel.bpf_stats_enabled while the session lives). */
  stats?: boolean;
  /**
   * Check the artifact's kernelOffset() values against the running kernel before loading
   * (default true); false for an artifact just compiled against this kernel.
   */
  checkKernelOffsets?: boolean;
}

export interface SessionStats {
  events: number;
  /** Records the kernel could not write (ring buffer full), exact (rings that count them). */
  lost: bigint;
  /** Ring buffers declared with `countLost: false`: what they lost is not known. */
  uncounted: string[];
  programs: { name: string; runCount: bigint; runTimeNs: bigint }[];
}

/** Maps whose records stream to userspace. */
const STREAM_KINDS = new Set(["RingBuf", "SpanStream", "PerfEventArray"]);

export class Session {
  readonly artifact: Artifact;
  readonly collection: Collection;
  readonly #links: Link[] = [];
  /** Each stream's reader, and how to drain what is left in it once stopped. */
  readonly #readers: { reader: RingBufReader | PerfBufReader; drainOnce: () => void }[] = [];
  readonly #subscribers = new Map<string, ((record: DecodedValue) => void)[]>();
  readonly #rawSubscribers = new Map<string, ((view: DataView, offset: number) => void)[]>();
  readonly #timers: ReturnType<typeof setInterval>[] = [];
  #statsFd = -1;
  #events = 0;
  #closed = false;

  private constructor(artifact: Artifact, collection: Collection) {
    this.artifact = artifact;
    this.collection = collection;
  }

  /** Compiles `path` (a probe .ts) and starts it. Throws ProbeError with diagnostics. */
  static async fromSource(path: string, options: SessionOptions = {}): Promise<Session> {
    const started = performance.now();
    const source = readFileText(path);
    // Imported here, not at the top: running an artifact must not load the compiler.
    const { compile } = await import("@ts-bpf/compiler");
    const result = compile({ file: path, source,
      tracepointFormat: formatResolver(options.tracepointFormats), kernelTypes: kernelStructOffsets(options.btf) });
    if (!result.artifact) throw new ProbeError("compile", result.rendered(), result.diagnostics.length);
    options.progress?.(`compiled ${path} in ${(performance.now() - started).toFixed(1)} ms`);
    const artifact = result.artifact;
    // A module that only declares needs no bundle (esbuild costs ~25 ms of startup).
    if (options.userspace !== false && artifact.hasUserspaceCode !== false) {
      artifact.userspace = await (await import("./userspace_bundle.ts")).bundleUserspace(path);
    }
    // Compiled against this kernel's BTF moments ago, unless a pinned copy was given.
    return Session.start(artifact, { ...options, checkKernelOffsets: options.btf !== undefined });
  }

  /** Starts a compiled artifact. */
  static async start(artifact: Artifact, options: SessionOptions = {}): Promise<Session> {
    const started = performance.now();
    if (options.checkKernelOffsets !== false && artifact.kernelOffsets) checkKernelOffsets(artifact);
    const collection = loadCollection(readBpfObject(artifact.object, artifact.source.file));
    const session = new Session(artifact, collection);
    try {
      if (options.stats) session.#statsFd = enableStats();
      session.#startReaders(options);
      if (options.userspace !== false && artifact.userspace) await session.#runUserspace();
      for (const entry of artifact.programs) {
        const link = attachProgram(collection.program(entry.name), entry);
        if (link) {
          session.#links.push(link);
          options.progress?.(`attached ${entry.name} to ${describeAttach(entry)}`);
        }
      }
      options.progress?.(`${session.#links.length} probe${session.#links.length === 1 ? "" : "s"} ` +
        `attached in ${(performance.now() - started).toFixed(1)} ms`);
      for (const timer of declared().timers) {
        session.#timers.push(setInterval(timer.callback, timer.ms));
      }
    } catch (error) {
      await session.close();
      throw error;
    }
    return session;
  }

  /** The live kernel map behind a probe's map variable. */
  map(variable: string): { artifact: ArtifactMap; live: BpfMap } {
    const artifact = this.artifact.maps.find((m) => m.variable === variable && !m.hidden);
    if (!artifact) throw new Error(`The probe declares no map '${variable}'`);
    return { artifact, live: this.collection.map(artifact.name) };
  }

  /** Subscribes to a ring buffer's decoded records. */
  on(variable: string, callback: (record: DecodedValue) => void): void {
    listFor(this.#subscribers, variable).push(callback);
  }

  /**
   * Subscribes to a ring buffer's records as they lie in memory: the record is at `offset` of
   * `view`, valid only during the call. For consumers that read a few fields of each record
   * themselves (runtime/src/http/record_feed.ts); with only these, records are not decoded.
   */
  onRaw(variable: string, callback: (view: DataView, offset: number) => void): void {
    listFor(this.#rawSubscribers, variable).push(callback);
  }

  /** Every visible map's current contents. */
  snapshots(): MapSnapshot[] {
    return this.artifact.maps.filter((m) => !m.hidden)
      .map((m) => snapshot(m, this.collection.map(m.name)));
  }

  stats(): SessionStats {
    let lost = 0n;
    for (const m of this.artifact.maps) {
      if (m.dropsMap) lost += droppedRecords(this.collection.map(m.dropsMap));
    }
    // Perf buffers: the kernel reports what it could not write (PERF_RECORD_LOST).
    for (const { reader } of this.#readers) {
      if (reader instanceof PerfBufReader) lost += BigInt(reader.stats.lost);
    }
    const uncounted = this.artifact.maps.filter((m) => m.options.countLost === false && !m.dropsMap)
      .map((m) => m.variable);
    return {
      events: this.#events,
      lost,
      uncounted,
      programs: this.artifact.programs.map((p) => {
        const info = this.collection.program(p.name).info();
        return { name: p.name, runCount: info.runCount, runTimeNs: info.runTimeNs };
      }),
    };
  }

  /** Detaches every probe (maps keep their contents: read them, then close). */
  detach(): void {
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
    for (const link of this.#links.splice(0)) link.close();
  }

  /** Detaches every probe, drains and stops the ring buffers, and closes the kernel objects. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.detach();
    let failure: unknown;
    for (const { reader, drainOnce } of this.#readers.splice(0)) {
      // Records written before the detach may still sit in the buffer: deliver them, then close
      // (a subscriber that throws is reported after every kernel object is closed).
      await reader.stop();
      try {
        drainOnce();
      } catch (error) {
        failure ??= error;
      }
      await reader.close();
    }
    setBinder(undefined);
    this.collection.close();
    if (this.#statsFd >= 0) {
      const fd = this.#statsFd;
      this.#statsFd = -1;
      closeFd(fd);
    }
    if (failure !== undefined) throw failure;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #startReaders(options: SessionOptions): void {
    for (const m of this.artifact.maps) {
      if (!STREAM_KINDS.has(m.kind) || !m.record) continue;
      const live = this.collection.map(m.name);
      // Per record: one compiled decode and a loop over a list looked up once (subscribers
      // added later are pushed onto the same array).
      const decode = compileDecoder(m.record);
      const subscribers = listFor(this.#subscribers, m.variable);
      const rawSubscribers = listFor(this.#rawSubscribers, m.variable);
      const onEvent = options.onEvent;
      const deliver = (view: DataView, offset: number) => {
        this.#events++;
        for (let i = 0; i < rawSubscribers.length; i++) rawSubscribers[i]!(view, offset);
        if (!onEvent && subscribers.length === 0) return;
        const value = decode(view, offset);
        if (onEvent) onEvent(m.variable, value);
        for (let i = 0; i < subscribers.length; i++) subscribers[i]!(value);
      };
      if (m.kind === "PerfEventArray") {
        // Perf samples come as their own byte arrays (a sample may wrap the buffer's end).
        const reader = PerfBufReader.open(live);
        const drainOnce = () => reader.drain((sample) =>
          deliver(new DataView(sample.buffer, sample.byteOffset, sample.byteLength), 0));
        this.#readers.push({ reader, drainOnce });
        void reader.start((sample) =>
          deliver(new DataView(sample.buffer, sample.byteOffset, sample.byteLength), 0));
      } else {
        // Ring buffers: the loader's raw drain hands one view over the mapped area and an
        // offset, so nothing is allocated per record before the decode.
        const reader = RingBufReader.open(live);
        this.#readers.push({ reader, drainOnce: () => reader.drainRaw(deliver) });
        void reader.startRaw(deliver);
      }
    }
  }

  async #runUserspace(): Promise<void> {
    const visible = this.artifact.maps.filter((m) => !m.hidden);
    setBinder((index) => {
      const m = visible[index];
      return m ? this.#binding(m) : undefined;
    });
    declared(true);
    const dir = mkdtempSync(join(tmpdir(), "tsbpf-"));
    const file = join(dir, "userspace.mjs");
    writeFileSync(file, this.artifact.userspace!);
    try {
      await import(pathToFileURL(file).href);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  #binding(m: ArtifactMap): MapBinding {
    const live = () => this.collection.map(m.name);
    return {
      lookup: (key) => {
        const bytes = live().lookup(encodeValue(m.key, key as DecodedValue));
        return bytes ? decodeValue(m.value, bytes) : undefined;
      },
      update: (key, value) => live().update(encodeValue(m.key, key as DecodedValue),
        encodeValue(m.value, value as DecodedValue)),
      delete: (key) => live().delete(encodeValue(m.key, key as DecodedValue)),
      entries: () => live().lookupAll().map(([k, v]) =>
        [decodeValue(m.key, k), decodeValue(m.value, v)] as [unknown, unknown]),
      subscribe: (callback) => this.on(m.variable, callback as (r: DecodedValue) => void),
    };
  }
}

/** The list kept under `key`, made empty on first use (subscribers added later join it). */
function listFor<K, V>(lists: Map<K, V[]>, key: K): V[] {
  let list = lists.get(key);
  if (!list) {
    list = [];
    lists.set(key, list);
  }
  return list;
}
