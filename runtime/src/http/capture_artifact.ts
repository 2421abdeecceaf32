/**
 * The capture probe's compiled artifact, built by `tsbpf build` in a short-lived child process
 * rather than in the monitor's own process. Compiling in-process leaves the compiler's parser,
 * IR and passes in the agent's heap for as long as it runs (about 40 MB of RSS, a third of the
 * agent's footprint); a child gives all of it back when it exits, and costs the same startup time
 * (about 0.3 s). The artifact is the CBOR file `tsbpf run` starts too.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// The pure-JS decoder (the package root also loads a native extension at startup).
import { decode as decodeCbor } from "cbor-x/decode";
import type { Artifact } from "@ts-bpf/loader";
import { ProbeError } from "../probe_error.ts";

/** The CLI launcher that runs `tsbpf build`. */
const TSBPF = fileURLToPath(new URL("../../bin/tsbpf", import.meta.url));

/** Compiles `probe` in a child `tsbpf build` and returns its artifact. */
export async function buildInChild(probe: string, progress?: (line: string) => void): Promise<Artifact> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-http-"));
  const output = join(dir, "capture.tsbpf");
  try {
    const { code, stderr } = await run(TSBPF, ["build", probe, "-o", output]);
    if (code !== 0) {
      // The child printed the diagnostics (a probe that does not compile) or its error.
      throw new ProbeError("compile", `tsbpf build ${probe} failed (exit ${code}):\n${stderr.trim()}`, 1);
    }
    const artifact = decodeCbor(readFileSync(output)) as Artifact;
    if (artifact?.version !== 1 || !(artifact.object instanceof Uint8Array)) {
      throw new ProbeError("load", `tsbpf build wrote no artifact for ${probe}`);
    }
    progress?.(`compiled ${probe} in ${(performance.now() - started).toFixed(1)} ms (child process)`);
    return artifact;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => { stderr += d.toString(); });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}
