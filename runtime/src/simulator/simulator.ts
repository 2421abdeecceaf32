/**
 * The simulator: runs a probe's WebAssembly build (compileWasm) in userspace, with maps and
 * helpers implemented in JS (sim_maps.ts, sim_helpers.ts), so a probe's logic can be
 * unit-tested without root or a kernel. A test fires attach points with a typed context, sets
 * the clock and the current task, and reads maps, ring-buffer records and histograms back
 * through the same decoders the runtime uses for live maps.
 *
 * ```ts
 * const sim = await simulate("examples/opensnoop.ts");
 * sim.fire("syscalls:sys_enter_openat", { filename: "/etc/passwd" }, { pid: 42, comm: "cat" });
 * sim.fire("syscalls:sys_exit_openat", { ret: 3 }, { pid: 42, comm: "cat" });
 * sim.events("opens"); // [{ pid: 42, fd: 3, comm: "cat", path: "/etc/passwd" }]
 * ```
 */
import type { WasmBuild, WasmProgram } from "@ts-bpf/compiler";
import { type Artifact, type BpfMap, MapType } from "@ts-bpf/loader";
import { type DecodedValue, decodeValue, encodeValue } from "../decode/value_codec.ts";
import { droppedRecords, type MapSnapshot, snapshot } from "../decode/map_snapshot.ts";
import { argsContext, type ContextValue, type RegistersContext, registersContext,
  tracepointContext } from "./sim_context.ts";
import { helperImports, type SimTask } from "./sim_helpers.ts";
import { SimMap, SimRingBuf } from "./sim_maps.ts";
import { SimMemory } from "./sim_memory.ts";

export type { SimTask } from "./sim_helpers.ts";
export type { ContextValue, RegistersContext } from "./sim_context.ts";

export interface SimulatorOptions {
  /** CPUs of per-CPU maps (default 2). */
  cpus?: number;
  /** Seed of get_prandom_u32 (default 1). */
  seed?: number;
  /** The clock's start, in ns (default 1 s). */
  clockNs?: bigint;
}

/**
 * A context: named fields for tracepoints, an argument list for raw tracepoints and test()
 * probes, registers for uprobes and profile samples.
 */
export type SimContext = Record<string, ContextValue> | ContextValue[] | RegistersContext;

type Task = Required<Omit<SimTask, "kernelStack" | "userStack">> & Pick<SimTask, "kernelStack" | "userStack">;

export class Simulator {
  readonly artifact: Artifact;
  /** Lines the probe printed with printk(). */
  readonly printk: string[] = [];
  readonly #build: WasmBuild;
  readonly #memory: SimMemory;
  readonly #maps: (SimMap | SimRingBuf)[];
  readonly #exports: Record<string, (ctx: bigint, frame: bigint) => bigint>;
  readonly #frames = new Map<string, bigint>();
  #task: Task = { pid: 1000, tid: 1000, uid: 0, gid: 0, comm: "sim", cgroupId: 1n, cpu: 0 };
  #now: bigint;
  #random: number;
  readonly #stackIds = new Map<string, number>();
  #ctx = 0n;
  #ctxSize = 0;

  constructor(artifact: Artifact, build: WasmBuild, options: SimulatorOptions = {}) {
    this.artifact = artifact;
    this.#build = build;
    this.#now = options.clockNs ?? 1_000_000_000n;
    this.#random = (options.seed ?? 1) >>> 0 || 1;
    const module = new WebAssembly.Module(build.wasm);
    let memory: SimMemory | undefined;
    const helpers = helperImports({
      // The memory is the module's own, so it exists only once the instance does.
      get memory() { return memory!; },
      map: (handle) => this.#mapByHandle(handle),
      task: () => this.#task,
      now: () => this.#now,
      random: () => this.#nextRandom(),
      printk: (line) => this.printk.push(line),
      stackId: (map, stack) => this.#storeStack(map, stack),
    });
    for (const imp of WebAssembly.Module.imports(module)) {
      if (!(imp.name in helpers)) {
        throw new Error(`simulate: the probe calls helper '${imp.name}', which the simulator does not implement`);
      }
    }
    const instance = new WebAssembly.Instance(module, { bpf: helpers });
    const exports = instance.exports as Record<string, unknown>;
    memory = new SimMemory(exports.memory as WebAssembly.Memory, exports.__grow as (p: number) => number);
    this.#memory = memory;
    this.#exports = exports as unknown as Record<string, (ctx: bigint, frame: bigint) => bigint>;
    const cpus = options.cpus ?? 2;
    this.#maps = artifact.maps.map((m) => m.mapType === MapType.RINGBUF ? new SimRingBuf(m, this.#memory)
      : new SimMap(m, this.#memory, cpus, () => this.#task.cpu));
    for (const p of build.programs) this.#frames.set(p.name, this.#memory.alloc(Math.max(8, p.frameSize)));
  }

  /** The current time of the probe's clocks, in ns. */
  get clock(): bigint {
    return this.#now;
  }

  /** Sets the clock; it is monotonic, so it cannot go back. */
  setClock(ns: bigint): void {
    if (ns < this.#now) throw new RangeError(`simulator: the clock is monotonic (now ${this.#now} ns, asked ${ns} ns)`);
    this.#now = ns;
  }

  /** Moves the clock forward by `ns`. */
  advance(ns: bigint | number): void {
    this.setClock(this.#now + BigInt(ns));
  }

  /** Sets the task the next events run in (fire() can override it for one event). */
  setTask(task: Partial<SimTask>): void {
    this.#task = this.#resolveTask(task);
  }

  /** Copies a string (NUL-terminated) or bytes into simulated user memory; returns the address. */
  userMemory(data: string | Uint8Array): bigint {
    return typeof data === "string" ? this.#memory.place(new TextEncoder().encode(data), true)
      : this.#memory.place(data);
  }

  /** Programs, with their attach kind and target. */
  get programs(): readonly WasmProgram[] {
    return this.#build.programs;
  }

  /**
   * Runs every program attached to `target` (a tracepoint "group:name", a raw tracepoint name,
   * a test() name, a uprobe's symbol or "binary:symbol", "profile", or a program's name) with
   * `ctx`, as `task`. Returns the first program's return value (64 bits).
   */
  fire(target: string, ctx: SimContext = {}, task?: Partial<SimTask>): bigint {
    const programs = this.#build.programs.filter((p) => matches(p, target, this.artifact));
    if (programs.length === 0) {
      const known = this.#build.programs.map((p) => p.kind === "uprobe" || p.kind === "uretprobe"
        ? this.#attach(p).symbol : p.target);
      throw new RangeError(`simulator: nothing is attached to '${target}' (attached: ${known.join(", ")})`);
    }
    const saved = this.#task;
    if (task) this.#task = this.#resolveTask({ ...saved, ...task, tid: task.tid ?? task.pid ?? saved.tid });
    try {
      let first: bigint | undefined;
      for (const p of programs) {
        const pidFilter = this.#attach(p).pid;
        if (pidFilter !== undefined && pidFilter !== -1 && pidFilter !== this.#task.pid) continue;
        const result = this.#run(p, ctx);
        first ??= result;
      }
      return first ?? 0n;
    } finally {
      this.#task = saved;
    }
  }

  /** A map's contents as the runtime snapshots a live map (by variable or kernel map name). */
  snapshot(name: string): MapSnapshot {
    const map = this.#map(name);
    return snapshot(map.spec, map instanceof SimMap ? map as unknown as BpfMap : emptyMap);
  }

  /** A map's value for `key` (decoded; a per-CPU map's values summed for u64, else the current CPU's). */
  get(name: string, key: DecodedValue = 0): DecodedValue {
    const map = this.#simMap(name);
    const keyBytes = encodeValue(map.spec.key, key);
    const entry = map.lookupAll().find(([k]) => sameBytes(k, keyBytes));
    if (!entry) return undefined;
    if (!map.perCpu) return decodeValue(map.spec.value, entry[1]);
    const v = map.spec.value;
    if (v.kind === "int" && v.bits === 64) {
      const view = new DataView(entry[1].buffer);
      let sum = 0n;
      for (let i = 0; i < entry[1].length; i += 8) sum += view.getBigUint64(i, true);
      return v.signed ? BigInt.asIntN(64, sum) : BigInt.asUintN(64, sum);
    }
    return decodeValue(map.spec.value, entry[1], Math.ceil(map.valueSize / 8) * 8 * this.#task.cpu);
  }

  /** Sets a map entry from the test, as userspace would. */
  set(name: string, key: DecodedValue, value: DecodedValue): void {
    const map = this.#simMap(name);
    map.set(encodeValue(map.spec.key, key), encodeValue(map.spec.value, value));
  }

  /** Entries in a map (LRU maps: least recently used first). */
  size(name: string): number {
    return this.#simMap(name).size;
  }

  /** Takes the records a ring buffer (RingBuf, SpanStream) holds, decoded by its record type. */
  events(name: string): DecodedValue[] {
    const map = this.#ring(name);
    return map.drain().map((bytes) => decodeValue(map.spec.record!, bytes));
  }

  /** Takes the records a ring buffer holds as their bytes, padding included (layout tests). */
  records(name: string): Uint8Array[] {
    return this.#ring(name).drain();
  }

  /** Records a ring buffer refused because it was full (its hidden drops counter). */
  drops(name: string): bigint {
    const spec = this.#map(name).spec;
    if (!spec.dropsMap) throw new TypeError(`simulator: '${name}' has no drop counter`);
    return droppedRecords(this.#simMap(spec.dropsMap) as unknown as BpfMap);
  }

  /** A histogram's bucket counts (the series for `key`, or the keyless one). */
  histogram(name: string, key?: DecodedValue): bigint[] {
    const snap = this.snapshot(name);
    if (snap.kind !== "histogram") throw new TypeError(`simulator: '${name}' is not a histogram`);
    const id = (v: DecodedValue) => JSON.stringify(v, (_k, x) => typeof x === "bigint" ? `${x}n` : x);
    const series = snap.series.find((s) => id(s.key) === id(key));
    return series?.buckets ?? new Array<bigint>(snap.map.maxEntries > 65 ? 65 : snap.map.maxEntries).fill(0n);
  }

  #run(p: WasmProgram, ctx: SimContext): bigint {
    let bytes: Uint8Array;
    if (p.kind === "tracepoint") {
      if (Array.isArray(ctx)) throw new TypeError(`simulator: tracepoint '${p.target}' takes named fields`);
      const defaults = { common_pid: this.#task.tid, common_type: 0 };
      bytes = tracepointContext(this.#memory, p.tracepoint!, ctx as Record<string, ContextValue>, defaults);
    } else if (p.kind === "test" || p.kind === "rawTracepoint") {
      const args = Array.isArray(ctx) ? ctx : (ctx as { args?: ContextValue[] }).args ?? [];
      bytes = argsContext(this.#memory, args);
    } else {
      const regs = Array.isArray(ctx) ? { args: ctx } : ctx as RegistersContext;
      bytes = registersContext(this.#memory, regs, p.kind === "profile");
    }
    // One context area, reused: the probe cannot keep a pointer into its context.
    if (bytes.length > this.#ctxSize) {
      this.#ctxSize = Math.max(bytes.length, 2 * this.#ctxSize);
      this.#ctx = this.#memory.alloc(this.#ctxSize);
    }
    this.#memory.bytes(this.#ctx, this.#ctxSize).fill(0);
    this.#memory.write(this.#ctx, bytes);
    const frame = this.#frames.get(p.name)!;
    this.#memory.bytes(frame, Math.max(8, p.frameSize)).fill(0);
    return BigInt.asUintN(64, this.#exports[p.name]!(this.#ctx, frame));
  }

  #attach(p: WasmProgram): Artifact["programs"][number]["attach"] {
    return this.artifact.programs.find((a) => a.name === p.name)!.attach;
  }

  #resolveTask(task: Partial<SimTask>): Task {
    const pid = task.pid ?? this.#task.pid;
    return { ...this.#task, ...task, pid, tid: task.tid ?? pid,
      comm: (task.comm ?? this.#task.comm).slice(0, 15) } as Task;
  }

  #mapByHandle(handle: bigint): SimMap | SimRingBuf {
    const map = this.#maps[Number(handle) - 1];
    if (!map) throw new RangeError(`simulator: no map with handle ${handle}`);
    return map;
  }

  #map(name: string): SimMap | SimRingBuf {
    const i = this.artifact.maps.findIndex((m) => m.variable === name && !m.hidden);
    const j = i >= 0 ? i : this.artifact.maps.findIndex((m) => m.name === name);
    if (j < 0) {
      const names = this.artifact.maps.filter((m) => !m.hidden).map((m) => m.variable);
      throw new RangeError(`simulator: the probe has no map '${name}' (its maps: ${names.join(", ")})`);
    }
    return this.#maps[j]!;
  }

  #ring(name: string): SimRingBuf {
    const map = this.#map(name);
    if (!(map instanceof SimRingBuf)) throw new TypeError(`simulator: '${name}' is not a ring buffer`);
    return map;
  }

  #simMap(name: string): SimMap {
    const map = this.#map(name);
    if (!(map instanceof SimMap)) throw new TypeError(`simulator: '${name}' is a ring buffer; read it with events()`);
    return map;
  }

  #nextRandom(): number {
    // xorshift32: deterministic for a seed, like a test wants.
    let x = this.#random;
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    this.#random = x;
    return x;
  }

  /** get_stackid: the same stack gets the same id (the kernel's is a hash of the stack). */
  #storeStack(map: SimMap, stack: bigint[]): number {
    const depth = map.valueSize / 8;
    const value = new Uint8Array(map.valueSize);
    const view = new DataView(value.buffer);
    stack.slice(0, depth).forEach((ip, i) => view.setBigUint64(i * 8, ip, true));
    const text = `${map.name}:${stack.slice(0, depth).join(",")}`;
    let id = this.#stackIds.get(text);
    if (id === undefined) this.#stackIds.set(text, id = this.#stackIds.size % map.spec.maxEntries);
    const key = new Uint8Array(4);
    new DataView(key.buffer).setUint32(0, id, true);
    map.update(key, value, 0n);
    return id;
  }
}

function matches(p: WasmProgram, target: string, artifact: Artifact): boolean {
  if (p.target === target || p.name === target) return true;
  const attach = artifact.programs.find((a) => a.name === p.name)?.attach;
  if (p.kind === "profile") return target === "profile";
  if (p.kind === "uprobe" || p.kind === "uretprobe") {
    return attach?.symbol === target || `${attach?.binary}:${attach?.symbol}` === target;
  }
  return false;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const emptyMap = { lookupAll: () => [], perCpu: false } as unknown as BpfMap;
