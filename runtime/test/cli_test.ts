/**
 * The tsbpf command end to end on the real kernel: run with JSON output counts exactly the
 * calls this process makes; a histogram's bars add up to the events; a broken probe prints its
 * diagnostics and loads nothing; build + run of an artifact; the embedding example in Bun and
 * Deno; SIGINT detaches and still prints the maps.
 */
import { describe, expect, test } from "bun:test";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getpid, getppid, readBpfObject } from "@ts-bpf/loader";
import { kernelTest } from "../../test/support/gates.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const TSBPF = join(ROOT, "runtime/bin/tsbpf");

interface Running {
  child: ChildProcess;
  attached: Promise<void>;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function tsbpf(args: string[]): Running {
  const child = spawn(TSBPF, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let onAttached: () => void = () => {};
  const attached = new Promise<void>((resolve) => (onAttached = resolve));
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => {
    stderr += d;
    if (/attached in/.test(stderr)) onAttached();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code) => {
      onAttached();
      resolve({ code, stdout, stderr });
    }));
  return { child, attached, done };
}

describe("tsbpf run", () => {
  kernelTest("--output json reports exactly the calls this process made", async () => {
    const run = tsbpf(["run", "examples/count_getppid.ts", "--duration", "2", "--output", "json"]);
    await run.attached;
    for (let i = 0; i < 1234; i++) getppid();
    const { code, stdout, stderr } = await run.done;
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    const calls = lines.find((l) => l.type === "map" && l.name === "calls");
    expect(calls).toBeDefined();
    const mine = calls.entries.find((e: { key: number }) => e.key === getpid());
    expect(mine?.value).toBe(1234);
    const stats = lines.at(-1);
    expect(stats.type).toBe("stats");
    expect(stats.lost).toBe(0);
    expect(stats.programs[0].runCount).toBeGreaterThanOrEqual(1234);
    expect(stderr).toContain("attached sys_enter_getppid to tracepoint syscalls:sys_enter_getppid");
  }, 30_000);

  kernelTest("a histogram's bars add up to the number of events", async () => {
    const run = tsbpf(["run", "runtime/test/fixtures/hist_probe.ts", "--duration", "1"]);
    await run.attached;
    for (let i = 0; i < 300; i++) getppid();
    const { code, stdout } = await run.done;
    expect(code).toBe(0);
    const events = BigInt(/@events: (\d+)/.exec(stdout)![1]!);
    const bars = [...stdout.matchAll(/^\[[^\]\n]*[\])]\s+(\d+) \|/gm)].map((m) => BigInt(m[1]!));
    expect(events).toBeGreaterThanOrEqual(300n);
    expect(bars.reduce((a, b) => a + b, 0n)).toBe(events);
    expect(stdout).toContain("@spread:");
  }, 30_000);

  kernelTest("SIGINT detaches and still prints the maps", async () => {
    const run = tsbpf(["run", "examples/count_getppid.ts"]);
    await run.attached;
    for (let i = 0; i < 50; i++) getppid();
    run.child.kill("SIGINT");
    const { code, stdout } = await run.done;
    expect(code).toBe(0);
    expect(stdout).toContain(`@calls[${getpid()}]: 50`);
  }, 30_000);

  kernelTest("a built artifact runs without the compiler", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "tsbpf-build-")), "count.tsbpf");
    execFileSync(TSBPF, ["build", "examples/count_getppid.ts", "-o", out], { cwd: ROOT, stdio: "pipe" });
    const run = tsbpf(["run", out, "--duration", "1", "--output", "json"]);
    await run.attached;
    for (let i = 0; i < 77; i++) getppid();
    const { code, stdout } = await run.done;
    expect(code).toBe(0);
    const calls = stdout.trim().split("\n").map((l) => JSON.parse(l)).find((l) => l.name === "calls");
    expect(calls.entries.find((e: { key: number }) => e.key === getpid())?.value).toBe(77);
  }, 30_000);

  test("a probe with errors prints its diagnostics and loads nothing", async () => {
    const { code, stderr, stdout } = await tsbpf(["run", "runtime/test/fixtures/broken_probe.ts"]).done;
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("runtime/test/fixtures/broken_probe.ts:4:13 error TSB2001: " +
      "floating-point numbers cannot run in the kernel");
    expect(stderr).toContain("1 error; nothing was loaded");
    expect(stderr).not.toContain("    at ");
  }, 30_000);

  test("check reports TypeScript's own type errors, as an editor shows them", async () => {
    const { code, stderr } = await tsbpf(["check", "runtime/test/fixtures/type_error_probe.ts"]).done;
    expect(code).toBe(1);
    expect(stderr).toContain("type_error_probe.ts:5:16 - error TS18048: 'v' is possibly 'undefined'.");
    expect(stderr).toContain("1 error; nothing was loaded");
  }, 60_000);

  kernelTest("check type-checks an example whose userspace part imports node:fs", async () => {
    // examples/profile.ts reads /proc/kallsyms with readFileSync: Node's declarations must be seen.
    const { code, stderr } = await tsbpf(["check", "examples/profile.ts"]).done;
    expect(stderr).not.toContain("error TS");
    expect(code).toBe(0);
  }, 60_000);

  kernelTest("check --dump=ir,bpf prints the stages with source lines, then passes the verifier", async () => {
    const { code, stdout } = await tsbpf(["check", "examples/count_getppid.ts", "--dump=ir,bpf"]).done;
    expect(code).toBe(0);
    expect(stdout).toContain("--- ir ---");
    expect(stdout).toContain("; calls.increment(pid());  [examples/count_getppid.ts:");
    expect(stdout).toContain("call bpf_get_current_pid_tgid#14");
    expect(stdout).toContain("the verifier accepts all 1 programs");
  }, 60_000);

  test("build --emit-elf writes the BPF ELF object alone, which the loader reads", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "tsbpf-elf-")), "count_getppid.o");
    const { code, stderr } = await tsbpf(["build", "examples/count_getppid.ts", "--emit-elf", out]).done;
    expect(code).toBe(0);
    expect(stderr).toContain(`wrote ${out}`);
    const object = readBpfObject(new Uint8Array(readFileSync(out)), out);
    expect(object.programs.map((p) => p.spec.name)).toEqual(["sys_enter_getppid"]);
    expect(object.maps.map((m) => m.spec.name)).toContain("calls");
  }, 60_000);

  test("an unknown command prints the usage", async () => {
    const { code, stderr } = await tsbpf(["frobnicate"]).done;
    expect(code).toBe(2);
    expect(stderr).toContain("tsbpf: unknown command 'frobnicate'");
  });
});

describe("embedding", () => {
  for (const runtime of ["bun", "deno"] as const) {
    kernelTest(`the README's embedding example runs in ${runtime}`, () => {
      const bin = join(ROOT, "node_modules/.bin", runtime);
      const args = runtime === "deno" ? ["run", "--allow-all", "examples/embed/embed.ts"]
        : ["examples/embed/embed.ts"];
      const out = execFileSync(bin, args, { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
      expect(out.trim()).toBe("this process made 500 getppid() calls");
    }, 90_000);
  }
});
