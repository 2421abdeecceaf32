/**
 * A running function-latency measurement: compiles the ready-made probe
 * (@ts-bpf/probes' function_latency.ts), loads it once, and attaches its two programs to every
 * selected function with the bpf cookie set to the function's index, so any number of functions
 * share two programs and one set of maps. Reads the per-function histograms and the dropped
 * counts while it runs; `close()` detaches and frees everything.
 *
 * On 6.6+ kernels the programs go on through uprobe-multi links, two per file, which attach and
 * (above all) detach hundreds of functions at once: single uprobes wait ~110 ms each when
 * removed. Older kernels get one uprobe and one uretprobe perf event per function.
 *
 * Attach order matters: every uretprobe goes on before any uprobe. A call in flight while
 * attaching then shows up as a return without an entry, which the probe drops and counts; the
 * opposite order would leave entries whose return was never seen.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { release } from "node:os";
import {
  type Artifact, AttachType, attachUprobeMulti, type Collection, type Link, loadCollection, type Program,
  readBpfObject,
} from "@ts-bpf/loader";
import { compile } from "@ts-bpf/compiler";
import { FUNCTION_LATENCY_PROBE } from "@ts-bpf/probes";
import { snapshot } from "../decode/map_snapshot.ts";
import { type CodeModule, requireUnchanged } from "./function_catalog.ts";
import type { SelectedFunction } from "./function_matcher.ts";
import { returnSites } from "./return_sites.ts";
import { ProbeError } from "../probe_error.ts";

export interface LatencySessionOptions {
  /** Only this process (default: every process running the files). */
  pid?: number;
  /** Progress lines. */
  progress?: (line: string) => void;
  /** Attach through uprobe-multi links (default: when the kernel has them, 6.6+). */
  multi?: boolean;
  /**
   * Probe each function's return instructions instead of using a uretprobe, where every exit of
   * the function is a `ret` (return_sites.ts); the others keep their uretprobe. Exceptions can
   * then unwind through probed functions (the call is dropped as a frame of another function).
   */
  atReturns?: boolean;
}

/** Whether the running kernel has uprobe-multi links (6.6+). */
export function haveUprobeMulti(): boolean {
  const [major = 0, minor = 0] = release().split(".").map((n) => parseInt(n, 10));
  return major > 6 || (major === 6 && minor >= 6);
}

/** One function's histogram: count per log2 bucket of its duration in ns. */
export interface FunctionHistogram {
  readonly function: SelectedFunction;
  readonly buckets: bigint[];
}

/** Returns the probe could not pair with an entry, by reason. */
export interface DroppedReturns {
  /** No entry seen: the call began before the probe was attached. */
  noEntry: bigint;
  /**
   * Calls that never passed their return probe: unwound by an exception or longjmp (found when
   * an outer call returns), or a return whose own frame was not found.
   */
  otherFunction: bigint;
  /** Deeper than the 32 frames kept per thread. */
  tooDeep: bigint;
}

/** The virtual address of file offset `offset` inside function `f`. */
function addressAt(f: SelectedFunction, offset: number): number {
  return f.fn.address + (offset - f.fn.module.executable.resolve(f.fn.address).fileOffset);
}

let compiled: Artifact | undefined;

/** The compiled function-latency probe (compiled once per process). */
export function latencyArtifact(): Artifact {
  if (compiled) return compiled;
  const file = fileURLToPath(FUNCTION_LATENCY_PROBE);
  const result = compile({ file, source: readFileSync(file, "utf8"), tracepointFormat: () => undefined });
  if (!result.artifact) throw new ProbeError("compile", result.rendered(), result.diagnostics.length);
  compiled = result.artifact;
  return compiled;
}

export class LatencySession {
  readonly functions: readonly SelectedFunction[];
  readonly #artifact: Artifact;
  readonly #collection: Collection;
  readonly #entryLinks: Link[] = [];
  readonly #returnLinks: Link[] = [];
  /** How long attaching took, ms. */
  attachMs = 0;
  /** With `atReturns`: functions that kept a uretprobe, and why. */
  readonly uretprobed: { function: SelectedFunction; reason: string }[] = [];
  #closed = false;

  private constructor(functions: readonly SelectedFunction[], artifact: Artifact, collection: Collection) {
    this.functions = functions;
    this.#artifact = artifact;
    this.#collection = collection;
  }

  /** Loads the probe and attaches it to `functions`; on failure nothing stays attached. */
  static start(functions: readonly SelectedFunction[], options: LatencySessionOptions = {}): LatencySession {
    const artifact = latencyArtifact();
    const multi = options.multi ?? haveUprobeMulti();
    const spec = readBpfObject(artifact.object, artifact.source.file);
    if (multi) {
      for (const p of spec.programs) p.spec = { ...p.spec, expectedAttachType: AttachType.TRACE_UPROBE_MULTI };
    }
    const collection = loadCollection(spec);
    const session = new LatencySession(functions, artifact, collection);
    const entry = collection.program(artifact.programs.find((p) => p.attach.kind === "uprobe")!.name);
    const exit = collection.program(artifact.programs.find((p) => p.attach.kind === "uretprobe")!.name);
    const started = performance.now();
    try {
      for (const module of new Set(functions.map((f) => f.fn.module))) requireUnchanged(module);
      const returns = session.#returnSites(options.atReturns === true);
      if (multi) session.#attachMulti(entry, exit, returns, options.pid);
      else session.#attachEach(entry, exit, returns, options.pid);
    } catch (error) {
      session.close();
      throw error;
    }
    session.attachMs = performance.now() - started;
    options.progress?.(`attached to ${functions.length} function${functions.length === 1 ? "" : "s"} ` +
      `in ${session.attachMs.toFixed(1)} ms`);
    return session;
  }

  /** Per function: the file offsets of its return instructions, or none for a uretprobe. */
  #returnSites(atReturns: boolean): Map<SelectedFunction, number[]> {
    const sites = new Map<SelectedFunction, number[]>();
    if (!atReturns) return sites;
    for (const f of this.functions) {
      const found = returnSites(f.fn);
      if ("offsets" in found) sites.set(f, found.offsets);
      else this.uretprobed.push({ function: f, reason: found.reason });
    }
    return sites;
  }

  /** Uprobe-multi links per file (return probes, then entries): attach and detach in one step. */
  #attachMulti(entry: Program, exit: Program, returns: Map<SelectedFunction, number[]>, pid?: number): void {
    const byModule = new Map<CodeModule, SelectedFunction[]>();
    for (const f of this.functions) byModule.set(f.fn.module, [...byModule.get(f.fn.module) ?? [], f]);
    const pidOption = pid === undefined ? {} : { pid };
    const links: { path: string; offsets: number[]; cookies: bigint[]; retprobe: boolean }[] = [];
    const entries: typeof links = [];
    for (const [module, fns] of byModule) {
      const path = module.executable.path;
      const offsetOf = (f: SelectedFunction) => module.executable.resolve(f.fn.address).fileOffset;
      const uret = fns.filter((f) => !returns.has(f));
      if (uret.length) links.push({ path, offsets: uret.map(offsetOf), cookies: uret.map((f) => BigInt(f.index)), retprobe: true });
      const atRet = fns.filter((f) => returns.has(f));
      if (atRet.length) {
        links.push({ path, offsets: atRet.flatMap((f) => returns.get(f)!),
          cookies: atRet.flatMap((f) => returns.get(f)!.map(() => BigInt(f.index))), retprobe: false });
      }
      entries.push({ path, offsets: fns.map(offsetOf), cookies: fns.map((f) => BigInt(f.index)), retprobe: false });
    }
    for (const l of links) {
      this.#returnLinks.push(attachUprobeMulti(exit, l.path, l.offsets, { ...pidOption, cookies: l.cookies, retprobe: l.retprobe }));
    }
    for (const l of entries) this.#entryLinks.push(attachUprobeMulti(entry, l.path, l.offsets, { ...pidOption, cookies: l.cookies }));
  }

  /** One perf-event uprobe per entry and per return (kernels before 6.6). */
  #attachEach(entry: Program, exit: Program, returns: Map<SelectedFunction, number[]>, pid?: number): void {
    const pidOption = pid === undefined ? {} : { pid };
    for (const f of this.functions) {
      const cookie = BigInt(f.index);
      const exe = f.fn.module.executable;
      const sites = returns.get(f);
      if (!sites) this.#returnLinks.push(exe.uretprobe(f.fn.address, exit, { ...pidOption, cookie }));
      else for (const offset of sites) this.#returnLinks.push(exe.uprobe(addressAt(f, offset), exit, { ...pidOption, cookie }));
    }
    for (const f of this.functions) {
      this.#entryLinks.push(f.fn.module.executable.uprobe(f.fn.address, entry, { ...pidOption, cookie: BigInt(f.index) }));
    }
  }

  /** Every probed function's histogram (all-zero buckets for a function not called yet). */
  histograms(): FunctionHistogram[] {
    const map = this.#artifact.maps.find((m) => m.variable === "durations")!;
    const snap = snapshot(map, this.#collection.map(map.name));
    const byIndex = new Map<number, bigint[]>();
    if (snap.kind === "histogram") {
      for (const s of snap.series) byIndex.set(Number(s.key as number | bigint), s.buckets);
    }
    return this.functions.map((f) => ({ function: f, buckets: byIndex.get(f.index) ?? new Array<bigint>(65).fill(0n) }));
  }

  /** Returns dropped so far, by reason. */
  dropped(): DroppedReturns {
    const map = this.#artifact.maps.find((m) => m.variable === "dropped")!;
    const snap = snapshot(map, this.#collection.map(map.name));
    const count = (reason: number) => {
      if (snap.kind !== "table") return 0n;
      const e = snap.entries.find((x) => Number(x.key as number | bigint) === reason);
      return e ? BigInt(e.value as bigint | number) : 0n;
    };
    return { noEntry: count(0), otherFunction: count(1), tooDeep: count(2) };
  }

  /** Runs and run time of the entry and return programs (counted while kernel.bpf_stats_enabled is 1). */
  programStats(): { name: string; runCount: bigint; runTimeNs: bigint }[] {
    return this.#artifact.programs.map((p) => {
      const info = this.#collection.program(p.name).info();
      return { name: p.name, runCount: info.runCount, runTimeNs: info.runTimeNs };
    });
  }

  /** Detaches every probe; the maps stay readable until close(). */
  detach(): void {
    // Entry probes first (see the module comment), then the return probes.
    for (const link of this.#entryLinks.splice(0)) link.close();
    for (const link of this.#returnLinks.splice(0)) link.close();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.detach();
    this.#collection.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}
