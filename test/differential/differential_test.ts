/**
 * The differential test: random well-typed programs (compiler/test/differential/
 * program_generator.ts) run in the kernel and in the simulator must return the same value and
 * leave every map the same; none may be refused by the verifier or crash the compiler. The seed
 * is printed (TSBPF_DIFF_SEED replays it; TSBPF_DIFF_PROGRAMS sets how many programs). A
 * program that fails is written to compiler/test/differential/regressions/ as a regression case,
 * which regression_test.ts then runs on every `npm test`.
 */
import { describe, expect } from "bun:test";
import { writeFileSync } from "node:fs";
import { generateBatch, type GeneratedBatch, KEYS_PER_PROGRAM, sourceOf }
  from "../../compiler/test/differential/program_generator.ts";
import { kernelTest } from "../support/gates.ts";
import { buildBoth, describeFinding, type Finding, runBoth } from "./differential_harness.ts";
import { knownCases, REGRESSIONS } from "./regression_cases.ts";

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const SEED = Number(env.TSBPF_DIFF_SEED ?? 20261121);
const PROGRAMS = Number(env.TSBPF_DIFF_PROGRAMS ?? 2000);
const BATCH = 50;

interface Failure {
  seed: number;
  program: string;
  finding: Finding;
}

/** The program a finding is about (map keys are laid out KEYS_PER_PROGRAM per program). */
function programOf(f: Finding): string | undefined {
  if (f.kind === "return" || f.kind === "verifier") return f.program;
  if (f.kind === "map") {
    const key = JSON.parse(f.key, (_k, x) => typeof x === "string" && x.endsWith("n") ? Number(x.slice(0, -1)) : x);
    const index = typeof key === "number" ? key : key?.key;
    return typeof index === "number" ? `p${Math.floor(index / KEYS_PER_PROGRAM)}` : undefined;
  }
  return undefined;
}

/** Saves a failing program as a regression case; returns its path. */
function saveRegression(batch: GeneratedBatch, failure: Failure): string {
  const program = batch.programs.find((p) => p.name === failure.program)!;
  const path = `${REGRESSIONS}/seed${batch.seed}_${program.name}.ts`;
  const header = [`// Found by the differential test: seed ${batch.seed}, program ${program.name}.`,
    `// ${describeFinding(failure.finding).replace(/\n/g, " ")}`,
    `// args ${program.name}: ${program.args.map((a) => `${a}n`).join(", ")}`, ""].join("\n");
  writeFileSync(path, header + sourceOf(batch, new Set([program.name])));
  return path;
}

/** Runs one batch; programs the compiler or the verifier refuses are set aside and reported. */
async function runBatch(batch: GeneratedBatch, skip: ReadonlySet<string>): Promise<{ ran: number; failures: Failure[] }> {
  const failures: Failure[] = [];
  const names = new Set(batch.programs.map((p) => p.name).filter((n) => !skip.has(`${batch.seed}/${n}`)));
  const fail = (program: string, finding: Finding) => {
    failures.push({ seed: batch.seed, program, finding });
    names.delete(program);
  };
  for (let attempt = 0; attempt < 10; attempt++) {
    const built = await buildBoth(`diff_${batch.seed}.ts`, sourceOf(batch, names));
    if ("kind" in built || !built.artifact) {
      // Find the programs that break the compiler, one by one, and carry on without them.
      for (const name of [...names]) {
        const one = await buildBoth(`diff_${batch.seed}_${name}.ts`, sourceOf(batch, new Set([name])));
        if ("kind" in one) fail(name, one);
        else if (!one.artifact) fail(name, { kind: "compiler", message: one.rendered() });
      }
      continue;
    }
    const findings = runBoth(built, batch.programs.filter((p) => names.has(p.name)));
    const rejected = findings.find((f) => f.kind === "verifier");
    if (rejected) {
      fail(programOf(rejected)!, rejected);
      continue;
    }
    for (const f of findings) failures.push({ seed: batch.seed, program: programOf(f) ?? "?", finding: f });
    return { ran: names.size, failures };
  }
  throw new Error(`differential: batch ${batch.seed} kept failing to build`);
}

describe("differential: kernel and simulator agree", () => {
  kernelTest(`${PROGRAMS} generated programs agree in the kernel and the simulator`, async () => {
    console.log(`differential: seed ${SEED}, ${PROGRAMS} programs (replay with TSBPF_DIFF_SEED=${SEED})`);
    const known = knownCases();
    const skip = new Set(known.map((k) => `${k.seed}/${k.program}`));
    let ran = 0;
    const failures: Failure[] = [];
    // Programs set aside as known bugs do not count: batches continue until PROGRAMS ran.
    for (let i = 0; ran + failures.length < PROGRAMS; i++) {
      const batch = generateBatch(SEED + i, BATCH);
      const result = await runBatch(batch, skip);
      ran += result.ran;
      for (const f of result.failures) {
        failures.push(f);
        const path = saveRegression(batch, f);
        console.log(`differential: DISAGREEMENT ${describeFinding(f.finding)} (saved as ${path})`);
      }
    }
    console.log(`differential: ${ran} programs agreed; ${failures.length} failed; ${known.length} known ` +
      `open cases set aside (${REGRESSIONS})`);
    expect(failures.map((f) => `seed ${f.seed} ${f.program}: ${describeFinding(f.finding)}`)).toEqual([]);
    expect(ran).toBeGreaterThanOrEqual(PROGRAMS);
  }, 600_000);
});
