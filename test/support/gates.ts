/**
 * Gates for tests that need root or a kernel feature.
 *
 * Outside CI such a test is skipped with its reason printed. When TSBPF_REQUIRE_ALL=1 (CI sets
 * it: CI runs as root on a BPF-capable kernel) a gated test is never skipped: it runs, and if
 * the gate's condition does not hold, it fails with the reason.
 */
import { test } from "bun:test";
import { spawnSync } from "node:child_process";

// deno-lint-ignore no-explicit-any
declare const Deno: any;

function env(name: string): string | undefined {
  if (typeof Deno !== "undefined") return Deno.env.get(name);
  return (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];
}

function isRoot(): boolean {
  if (typeof Deno !== "undefined") return Deno.uid?.() === 0;
  const p = (globalThis as { process?: { getuid?: () => number } }).process;
  return p?.getuid?.() === 0;
}

/** Whether every gated test must run (CI). */
export const requireAll = env("TSBPF_REQUIRE_ALL") === "1";

const printed = new Set<string>();

type TestFn = () => void | Promise<void>;
type Gated = (name: string, fn: TestFn, timeoutMs?: number) => void;

/** A `test` that runs only when `condition` holds; otherwise skips (or fails in CI) with `reason`. */
export function testIf(condition: boolean, reason: string): Gated {
  return (name, fn, timeoutMs) => {
    if (condition) return test(name, fn, timeoutMs);
    if (requireAll) {
      return test(name, () => {
        throw new Error(`gated test cannot run here, and TSBPF_REQUIRE_ALL=1: ${reason}`);
      }, timeoutMs);
    }
    if (!printed.has(reason)) {
      printed.add(reason);
      console.warn(`skipping tests: ${reason}`);
    }
    test.skip(name, fn);
  };
}

/** Tests that load programs into the kernel: they need root. */
export const kernelTest: Gated = testIf(isRoot(), "needs root to load BPF programs (run as root)");

/** Whether every one of `tools` is a command on PATH. */
export function onPath(...tools: string[]): boolean {
  return tools.every((tool) =>
    spawnSync("sh", ["-c", `command -v '${tool}'`], { stdio: "ignore" }).status === 0);
}

/** Tests that need root and commands on PATH (clang, bpftool, cc, …; CI installs them). */
export function withTool(...tools: string[]): Gated {
  return testIf(isRoot() && onPath(...tools),
    `needs root and ${tools.map((t) => `'${t}'`).join(" and ")} (CI installs them)`);
}
