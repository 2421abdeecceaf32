/**
 * The prebuilt CLI (runtime/dist, scripts/bundle_cli.ts): it runs, each command is its own
 * bundle, and `tsbpf run` on an artifact loads neither the compiler nor the OpenTelemetry SDK —
 * the split that keeps start-to-attached short (bench/runtime/startup.ts). `npm test` builds the
 * bundle first; elsewhere these tests skip with the reason (and fail in CI).
 */
import { expect } from "bun:test";
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { kernelTest, testIf } from "./support/gates.ts";

const DIST = "runtime/dist";
const built = existsSync(`${DIST}/bundled_main.js`) && existsSync(`${DIST}/inputs.json`);
const bundleTest = testIf(built, "no CLI bundle in runtime/dist: run 'bun scripts/bundle_cli.ts' (npm test does)");

/** Project sources a bundle was built from (Bun's bundler heads each module with its path). */
function sourcesIn(bundle: string): string[] {
  return [...readFileSync(`${DIST}/${bundle}`, "utf8").matchAll(/^\/\/ ((?:loader|compiler|probes|runtime)\/\S+\.ts)$/gm)]
    .map((m) => m[1]!);
}

bundleTest("the bundled entry runs a command and reports a usage error as one line", () => {
  const result = spawnSync(process.execPath, [`${DIST}/bundled_main.js`, "run"], { encoding: "utf8" });
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toBe("tsbpf: tsbpf run needs a probe: tsbpf run probe.ts");
});

bundleTest("every command and the two lazily loaded parts have their own bytecode bundle", () => {
  for (const name of ["run", "build", "check", "list", "http", "latency", "doctor"]) {
    expect(existsSync(`${DIST}/${name}_command.js.jsc`)).toBe(true);
  }
  expect(sourcesIn("mod.js")).toContain("compiler/src/compile.ts");
  expect(sourcesIn("sdk_pipeline.js")).toContain("runtime/src/telemetry/sdk_pipeline.ts");
});

bundleTest("the run command's bundle holds the session and the loader, not the compiler or the SDK", () => {
  const sources = sourcesIn("run_command.js");
  expect(sources).toContain("runtime/src/session.ts");
  expect(sources).toContain("loader/src/programs/program.ts");
  expect(sources.filter((s) => s.startsWith("compiler/"))).toEqual([]);
  expect(sources).not.toContain("runtime/src/telemetry/sdk_pipeline.ts");
  expect(readFileSync(`${DIST}/run_command.js`, "utf8")).not.toContain("node_modules/@opentelemetry/sdk-metrics");
});

bundleTest("the bundle lists the sources it was built from, to notice edits", () => {
  const inputs = JSON.parse(readFileSync(`${DIST}/inputs.json`, "utf8")) as { builtAt: number; sources: string[] };
  expect(inputs.sources).toContain("runtime/src/cli/main.ts");
  expect(inputs.sources).toContain("compiler/src/compile.ts");
  expect(inputs.builtAt).toBeGreaterThan(0);
});

const bundleKernelTest = built ? kernelTest : bundleTest;

bundleKernelTest("a probe's userspace code binds its maps through the bundle's copy of @ts-bpf/probes", async () => {
  // TSBPF_FROM_BUNDLE: run the bundle even when the tree has changed since it was built. The
  // probe's userspace code imports @ts-bpf/probes from the sources while the runtime inside the
  // bundle has its own copy; both must share the binder (probes/src/shared_state.ts).
  const path = `/tmp/tsbpf-bundle-${process.pid}`;
  const child = spawn("runtime/bin/tsbpf", ["run", "examples/opensnoop.ts", "--duration", "2"],
    { env: { ...process.env, TSBPF_FROM_BUNDLE: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  const attached = new Promise<void>((resolve) => child.stderr!.on("data", (d) => {
    stderr += d;
    if (/attached in/.test(stderr)) resolve();
  }));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  await Promise.race([attached, exited]);
  closeSync(openSync(path, "w"));
  expect(await exited).toBe(0);
  expect(stderr).not.toContain("not bound");
  expect(stdout).toContain(path);
}, 30_000);
