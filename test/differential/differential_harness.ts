/**
 * Runs a probe of test() programs both ways — in the kernel (the eBPF build, loaded through
 * the loader and run with BPF_PROG_TEST_RUN as raw-tracepoint programs) and in the simulator
 * (the WebAssembly build) — on the same arguments, and lists every disagreement: return values
 * (the kernel reports the low 32 bits, so those are compared) and the decoded contents of every
 * map. Also reports what must not happen at all: a program the compiler accepts but the
 * verifier rejects, and a compiler exception. It lives in test/ because it joins the compiler
 * (@ts-bpf/compiler) and the runtime's simulator (@ts-bpf/runtime).
 */
import { compileWasm, type CompileWasmResult } from "@ts-bpf/compiler";
import { type Collection, loadCollection, readBpfObject, VerifierError } from "@ts-bpf/loader";
import { type MapSnapshot, Simulator, snapshot } from "@ts-bpf/runtime";

/** One program to run and its raw-tracepoint arguments. */
export interface Run {
  name: string;
  args: bigint[];
}

export type Finding =
  | { kind: "return"; program: string; kernel: bigint; simulator: bigint }
  | { kind: "map"; map: string; key: string; kernel?: string; simulator?: string }
  | { kind: "verifier"; program: string; message: string }
  | { kind: "compiler"; message: string };

/** Compiles `source` to both builds; a thrown compiler bug becomes a finding. */
export async function buildBoth(file: string, source: string): Promise<CompileWasmResult | Finding> {
  try {
    return await compileWasm({ file, source });
  } catch (e) {
    return { kind: "compiler", message: String((e as Error).stack ?? e).split("\n").slice(0, 4).join(" | ") };
  }
}

/** Runs every program in the kernel and the simulator; returns the disagreements. */
export function runBoth(built: CompileWasmResult, runs: Run[]): Finding[] {
  if (!built.artifact || !built.wasm) return [{ kind: "compiler", message: built.rendered() }];
  const artifact = built.artifact;
  let collection: Collection;
  try {
    collection = loadCollection(readBpfObject(artifact.object, artifact.source.file));
  } catch (e) {
    if (e instanceof VerifierError) return [{ kind: "verifier", program: e.program, message: e.message }];
    throw e;
  }
  const findings: Finding[] = [];
  try {
    const sim = new Simulator(artifact, built.wasm);
    for (const run of runs) {
      const ctx = new Uint8Array(Math.max(1, run.args.length) * 8);
      const view = new DataView(ctx.buffer);
      run.args.forEach((a, i) => view.setBigUint64(i * 8, BigInt.asUintN(64, a), true));
      const kernel = BigInt(collection.program(run.name).testRun({ ctx }).retval >>> 0);
      const simulated = sim.fire(run.name, run.args) & 0xffffffffn;
      if (kernel !== simulated) findings.push({ kind: "return", program: run.name, kernel, simulator: simulated });
    }
    for (const map of artifact.maps) {
      if (map.kind === "RingBuf" || map.kind === "SpanStream" || map.hidden) continue;
      const kernel = entriesOf(snapshot(map, collection.map(map.name)));
      const simulated = entriesOf(sim.snapshot(map.name));
      for (const key of new Set([...kernel.keys(), ...simulated.keys()])) {
        if (kernel.get(key) !== simulated.get(key)) {
          findings.push({ kind: "map", map: map.variable, key, kernel: kernel.get(key), simulator: simulated.get(key) });
        }
      }
    }
  } finally {
    collection.close();
  }
  return findings;
}

const text = (v: unknown) => JSON.stringify(v, (_k, x) => typeof x === "bigint" ? `${x}n` : x);

/** A snapshot as key text → value text, whatever its kind. */
function entriesOf(s: MapSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  if (s.kind === "table") for (const e of s.entries) out.set(text(e.key), text(e.value));
  if (s.kind === "stats") for (const e of s.entries) out.set(text(e.key), text(e));
  if (s.kind === "histogram") for (const e of s.series) out.set(text(e.key), text(e.buckets));
  return out;
}

/** A finding in one line. */
export function describeFinding(f: Finding): string {
  switch (f.kind) {
    case "return": return `${f.program}: returned ${f.kernel} in the kernel, ${f.simulator} in the simulator`;
    case "map": return `map ${f.map}[${f.key}]: kernel ${f.kernel ?? "(none)"}, simulator ${f.simulator ?? "(none)"}`;
    case "verifier": return `${f.program}: the verifier rejected it: ${f.message.split("\n").slice(0, 3).join(" / ")}`;
    case "compiler": return `compiler: ${f.message.split("\n").slice(0, 6).join(" / ")}`;
  }
}
