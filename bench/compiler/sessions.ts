/**
 * Live probes for the compiler benchmark, three ways, behind one interface: the per-program
 * figures the kernel keeps (xlated size, run count, run time; run time needs BPF stats
 * enabled). tsbpf's and clang's ELF objects are loaded and attached through our loader, with a
 * ring-buffer reader draining any ring buffer so records are really written (a full buffer
 * would measure the drop path instead); tracepoints attach from their section names, uretprobes
 * from theirs ("uretprobe/<binary>:<symbol>"), and perf_event programs to CPU-clock sampling on
 * every CPU at the rate the caller gives. bpftrace runs as its own process; its programs are
 * found among its open fds and read with bpftool.
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import {
  attachPerfEvent, type Collection, type Link, loadCollection, MapType, openExecutable, readBpfObject,
  RingBufReader,
} from "@ts-bpf/loader";

export interface ProgramFigures {
  name: string;
  xlatedInsns: number;
  runTimeNs: bigint;
  runCount: bigint;
}

export interface Session {
  /** Figures of each of the probe's programs, now. */
  figures(): ProgramFigures[];
  close(): Promise<void>;
}

/**
 * An ELF object (tsbpf's or clang's) loaded and attached with our loader; `sampleHz` is the
 * sampling rate for its perf_event programs.
 */
export function loaderSession(object: Uint8Array, name: string, sampleHz?: number): Session {
  const spec = readBpfObject(object, name);
  const collection: Collection = loadCollection(spec);
  const readers: RingBufReader[] = [];
  const links: Link[] = [];
  try {
    for (const map of collection.maps.values()) {
      if (map.spec.type !== MapType.RINGBUF) continue;
      const reader = RingBufReader.open(map);
      void reader.start(() => {});
      readers.push(reader);
    }
    for (const entry of spec.programs) {
      const { kind, target } = entry.kind.attach;
      const program = collection.program(entry.spec.name);
      if (kind === "uprobe" || kind === "uretprobe") {
        const at = target.lastIndexOf(":");
        const executable = openExecutable(target.slice(0, at));
        const symbol = target.slice(at + 1);
        links.push(kind === "uprobe" ? executable.uprobe(symbol, program) : executable.uretprobe(symbol, program));
      } else if (kind === "perf_event") {
        if (!sampleHz) throw new Error(`${name}: perf_event program '${entry.spec.name}' needs a sampling rate`);
        links.push(attachPerfEvent(program, { frequency: sampleHz }));
      } else {
        collection.attach(entry.spec.name);
      }
    }
  } catch (error) {
    for (const link of links) link.close();
    collection.close();
    throw error;
  }
  return {
    figures: () => [...collection.programs.values()].map((p) => {
      const info = p.info();
      return { name: p.name, xlatedInsns: info.xlatedBytes / 8, runTimeNs: info.runTimeNs,
        runCount: info.runCount };
    }),
    async close() {
      for (const link of links) link.close();
      for (const reader of readers) await reader.close();
      collection.close();
    },
  };
}

interface BpftoolProgram {
  id: number;
  type: string;
  name: string;
  bytes_xlated: number;
  run_time_ns?: number;
  run_cnt?: number;
}

function bpftoolPrograms(): BpftoolProgram[] {
  const out = spawnSync("bpftool", ["-j", "prog", "show"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`bpftool prog show failed: ${out.stderr}`);
  return JSON.parse(out.stdout || "[]") as BpftoolProgram[];
}

/**
 * Ids of the BPF programs process `pid` holds open (from its fds' fdinfo). Other processes load
 * tracepoint programs at the same time (tests, other sessions), so "new since bpftrace started"
 * would not single out bpftrace's.
 */
function programIdsOf(pid: number): Set<number> {
  const ids = new Set<number>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return ids; // exited
  }
  for (const fd of fds) {
    try {
      if (!readlinkSync(`/proc/${pid}/fd/${fd}`).includes("bpf-prog")) continue;
      const id = /^prog_id:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, "utf8"))?.[1];
      if (id) ids.add(Number(id));
    } catch {
      // closed meanwhile
    }
  }
  return ids;
}

/**
 * bpftrace running `script` (its output discarded). Resolves once its `expected` programs of
 * `programType` (tracepoint, kprobe for u[ret]probes, perf_event) are loaded; the caller makes
 * sure they are attached (a warm-up run that counts).
 */
export async function bpftraceSession(script: string, expected: number,
  env: Record<string, string> = {}, programType = "tracepoint"): Promise<Session> {
  const child = spawn("bpftrace", ["-q", script], { stdio: "ignore", env: { ...process.env, ...env } });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let ids: number[] = [];
  const deadline = Date.now() + 30_000;
  while (ids.length < expected) {
    if (child.exitCode !== null) throw new Error(`bpftrace exited (${child.exitCode}) running ${script}`);
    if (Date.now() > deadline) {
      child.kill("SIGINT");
      throw new Error(`bpftrace loaded ${ids.length} of ${expected} programs for ${script}`);
    }
    await new Promise((r) => setTimeout(r, 50));
    const held = programIdsOf(child.pid!);
    ids = bpftoolPrograms().filter((p) => held.has(p.id) && p.type === programType).map((p) => p.id);
  }
  return {
    figures: () => {
      const programs = bpftoolPrograms().filter((p) => ids.includes(p.id));
      // A program gone means bpftrace exited: its figures would read as zero, not as slow.
      if (programs.length !== ids.length) {
        throw new Error(`bpftrace's programs for ${script} are gone (bpftrace exited: ${child.exitCode})`);
      }
      return programs.map((p) => ({
        name: p.name, xlatedInsns: p.bytes_xlated / 8, runTimeNs: BigInt(p.run_time_ns ?? 0),
        runCount: BigInt(p.run_cnt ?? 0),
      }));
    },
    async close() {
      child.kill("SIGINT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
