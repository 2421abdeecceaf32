/**
 * The compiler's corpus: every small program in compiler/test/corpus/*.ts is compiled and its
 * annotated disassembly compared with corpus/<name>.golden (deterministic, with the source line
 * above the instructions it produced); then it is loaded into the kernel and each of its
 * test("…") probes is run through BPF_PROG_TEST_RUN and checked against the `// expect…`
 * comments written in the program (see corpus_expectations.ts). The goldens show what the code
 * looks like; the runs show that it computes what the DSL's semantics say.
 *
 * TSBPF_UPDATE_GOLDENS=1 rewrites the goldens (and deletes orphans) instead of comparing.
 */
import { describe, expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { compile, type CompileResult } from "@ts-bpf/compiler";
import { type ArtifactMap, type BpfMap, MapType, RingBufReader } from "@ts-bpf/loader";
import { kernelTest } from "../../test/support/gates.ts";
import { readExpectations, type TestExpectations } from "./corpus_expectations.ts";
import { type Decoded, integerOf, sameValue, show, showDecoded, type Tokens }
  from "./expected_values.ts";
import { processFacts } from "./process_facts.ts";
import { loadProbe, runTest, tracefsFormat, vmlinuxOffsets } from "./support.ts";
import { decodeValue, encodeValue, sumPerCpu } from "./value_layout.ts";

const DIR = new URL("./corpus/", import.meta.url).pathname;
const UPDATE = process.env.TSBPF_UPDATE_GOLDENS === "1";
const UPDATE_HINT = "if the change is intended, regenerate the goldens with\n" +
  "  TSBPF_UPDATE_GOLDENS=1 node_modules/.bin/bun test compiler/test/corpus_test.ts\n" +
  "and review the diff (git diff compiler/test/corpus)";

const programs = readdirSync(DIR).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)).sort();
const compiled = new Map<string, CompileResult>();

function compiledProgram(name: string): CompileResult {
  let result = compiled.get(name);
  if (!result) {
    result = compile({ file: `${name}.ts`, source: readFileSync(`${DIR}${name}.ts`, "utf8"),
      tracepointFormat: tracefsFormat, kernelTypes: vmlinuxOffsets, dump: ["bpf"] });
    compiled.set(name, result);
  }
  if (!result.artifact) throw new Error(`${name}.ts does not compile:\n${result.rendered()}`);
  return result;
}

/** The golden file's text: a header line, then the annotated disassembly of each program. */
function goldenText(name: string): string {
  return `; ${name}.ts: annotated eBPF, checked by compiler/test/corpus_test.ts ` +
    "(TSBPF_UPDATE_GOLDENS=1 rewrites it)\n" + `${compiledProgram(name).dumps.bpf}\n`;
}

/** The first lines where two texts differ, for a short failure message. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `first difference at line ${i + 1}:\n  golden:   ${a[i] ?? "<end of file>"}\n` +
        `  compiled: ${b[i] ?? "<end of file>"}`;
    }
  }
  return "";
}

describe("corpus goldens", () => {
  test("the corpus has at least 150 programs, none named like a test file", () => {
    expect(programs.length).toBeGreaterThanOrEqual(150);
    // bun test would run a corpus program named *_test.ts as a test suite.
    expect(programs.filter((p) => /(_test|\.test|_spec|\.spec)$/.test(p))).toEqual([]);
  });

  test("every golden has its corpus program (no orphans)", () => {
    const orphans = readdirSync(DIR).filter((f) => f.endsWith(".golden"))
      .filter((f) => !existsSync(`${DIR}${f.slice(0, -".golden".length)}.ts`));
    if (UPDATE) orphans.forEach((f) => unlinkSync(`${DIR}${f}`));
    else if (orphans.length) {
      throw new Error(`golden files without a corpus program: ${orphans.join(", ")}\n` +
        "delete them, or run with TSBPF_UPDATE_GOLDENS=1 to delete them");
    }
  });

  for (const name of programs) {
    test(`${name} compiles to its golden disassembly`, () => {
      const path = `${DIR}${name}.golden`;
      const actual = goldenText(name);
      if (UPDATE) {
        if (!existsSync(path) || readFileSync(path, "utf8") !== actual) writeFileSync(path, actual);
        return;
      }
      if (!existsSync(path)) throw new Error(`${name}.golden is missing; ${UPDATE_HINT}`);
      const golden = readFileSync(path, "utf8");
      if (golden !== actual) {
        throw new Error(`${name}.ts no longer compiles to ${name}.golden (${
          firstDifference(golden, actual)})\n${UPDATE_HINT}`);
      }
    });
  }
});

describe("corpus execution (BPF_PROG_TEST_RUN)", () => {
  let tokens: Tokens | undefined;
  for (const name of programs) {
    kernelTest(`${name} runs as its comments expect`, async () => {
      tokens ??= processFacts();
      const source = readFileSync(`${DIR}${name}.ts`, "utf8");
      const expectations = readExpectations(`${name}.ts`, source);
      const failures = await runProgram(name, expectations, tokens);
      expect(failures).toEqual([]);
    });
  }
});

/** Loads the program, runs its test probes in order, and lists every unmet expectation. */
async function runProgram(name: string, expectations: TestExpectations[], tokens: Tokens):
  Promise<string[]> {
  const artifact = compiledProgram(name).artifact!;
  const failures: string[] = [];
  const tests = artifact.programs.filter((p) => p.attach.kind === "test");
  for (const p of tests) {
    if (!expectations.some((e) => e.name === p.attach.target)) {
      failures.push(`test "${p.attach.target}" has no expectations`);
    }
  }
  const collection = loadProbe(artifact);
  const readers = new Map<string, RingBufReader>();
  try {
    for (const t of expectations) {
      const program = tests.find((p) => p.attach.target === t.name);
      if (!program) {
        failures.push(`${name}.ts:${t.line}: no test probe named "${t.name}" was compiled`);
        continue;
      }
      for (const run of t.runs) {
        const args = run.args.map((a) => integerOf(a, tokens));
        const got = runTest(collection, program.name, args);
        const want = BigInt.asUintN(32, integerOf(run.expect, tokens));
        if (got !== want) {
          failures.push(`${name}.ts:${run.line}: test "${t.name}"(${args.join(", ")}) returned ` +
            `${got} (as i32: ${BigInt.asIntN(32, got)}), expected ${show(run.expect)}`);
        }
      }
      for (const check of t.maps) {
        const map = artifactMap(artifact.maps, check.map);
        const key = check.key ?? { kind: "int" as const, value: 0n };
        const actual = readMapValue(collection.map(map.name), map, encodeValue(map.key, key, tokens));
        if (!sameValue(actual, check.value, tokens)) {
          failures.push(`${name}.ts:${check.line}: ${check.map}${check.key ? `[${show(check.key)}]` : ""}` +
            ` is ${showDecoded(actual)}, expected ${show(check.value)}`);
        }
      }
      for (const check of t.records) {
        const map = artifactMap(artifact.maps, check.map);
        let reader = readers.get(map.name);
        if (!reader) {
          reader = RingBufReader.open(collection.map(map.name));
          readers.set(map.name, reader);
        }
        const records: Decoded[] = [];
        reader.drain((bytes) => records.push(decodeValue(map.record!, bytes)));
        const same = records.length === check.records.length &&
          check.records.every((r, i) => sameValue(records[i], r, tokens));
        if (!same) {
          failures.push(`${name}.ts:${check.line}: ${check.map} received [${records.map(showDecoded)
            .join(", ")}], expected [${check.records.map(show).join(", ")}]`);
        }
      }
    }
  } finally {
    for (const reader of readers.values()) await reader.close();
    collection.close();
  }
  return failures;
}

/** A map by the probe's variable name, or a hidden map by its kernel name (".data.events_drops"). */
function artifactMap(maps: ArtifactMap[], name: string): ArtifactMap {
  const map = maps.find((m) => m.variable === name && !m.hidden) ??
    maps.find((m) => m.name === name && m.hidden);
  if (!map) throw new Error(`the probe declares no map '${name}'`);
  return map;
}

/** A map's value for `key`, decoded; per-CPU values are summed over CPUs. */
function readMapValue(map: BpfMap, layout: ArtifactMap, key: Uint8Array): Decoded | undefined {
  if (layout.mapType === MapType.PERCPU_ARRAY || layout.mapType === MapType.PERCPU_HASH) {
    const values = map.lookupPerCpu(key);
    return values ? sumPerCpu(values.map((v) => decodeValue(layout.value, v))) : undefined;
  }
  const bytes = map.lookup(key);
  return bytes ? decodeValue(layout.value, bytes) : undefined;
}
