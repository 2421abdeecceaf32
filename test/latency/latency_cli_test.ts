/**
 * `tsbpf latency --pid N` as a person runs it: the process is already running (its shared
 * library found through its memory map), the CLI lists what matched and why something did not,
 * attaches, and when the process exits prints the table and a histogram per function.
 */
import { describe, expect } from "bun:test";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withTool } from "../support/gates.ts";

const cTest = withTool("gcc");
const PROGRAMS = join(import.meta.dir, "programs");
const TSBPF = join(import.meta.dir, "..", "..", "runtime", "bin", "tsbpf");

/** Resolves with everything `stream` wrote once `pattern` appears in it. */
function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp, seen: { text: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(seen.text)) resolve();
    };
    stream.on("data", (chunk: Buffer) => {
      seen.text += chunk.toString();
      check();
    });
    stream.on("end", () => pattern.test(seen.text) ? resolve() : reject(new Error(`never saw ${pattern}:\n${seen.text}`)));
    check();
  });
}

describe("tsbpf latency --pid", () => {
  cTest("times a running process's functions and its shared library's until it exits", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tsbpf-latency-cli-"));
    execFileSync("gcc", ["-O2", "-shared", "-fPIC", "-o", join(dir, "libwork.so"), join(PROGRAMS, "c_work.c")]);
    execFileSync("gcc", ["-O2", "-o", join(dir, "cprog"), join(PROGRAMS, "c_main.c"), `-L${dir}`, "-lwork",
      "-Wl,-rpath,$ORIGIN"]);
    const target = spawn(join(dir, "cprog"), ["500", "wait"]);
    const targetOut = { text: "" };
    await waitFor(target.stdout!, /ready/, targetOut);
    const cli = spawn(TSBPF, ["latency", "--pid", String(target.pid), "handle_*", "work_spin_ns", "nothing_here*",
      "--interval", "60"]);
    const out = { text: "" };
    const err = { text: "" };
    const exited = new Promise<number | null>((resolve) => cli.on("exit", resolve));
    waitFor(cli.stdout!, /$^/, out).catch(() => {});
    await waitFor(cli.stderr!, /attached to 3 functions/, err);
    target.stdin!.write("go\n");
    expect(await exited).toBe(0);
    expect(err.text).toContain("'handle_*': 2 functions");
    expect(err.text).toContain("'nothing_here*': nothing to probe");
    expect(err.text).toMatch(/work_spin_ns {2}\(libwork\.so 0x[0-9a-f]+\)/);
    expect(out.text).toMatch(/handle_small +500 /);
    expect(out.text).toMatch(/work_spin_ns +50 /);
    expect(out.text).toMatch(/handle_sleep +20 /);
    expect(out.text).toContain("@ns[work_spin_ns]:");
    // Most of the 100 µs busy-waits land in [64K, 128K) ns (a preempted one may take longer).
    const inBucket = /@ns\[work_spin_ns\]:\n\[64K, 128K\) +(\d+) \|@+/.exec(out.text);
    expect(Number(inBucket?.[1])).toBeGreaterThan(25);
  }, 60_000);
});
