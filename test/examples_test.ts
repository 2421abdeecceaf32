/**
 * Every example runs and prints what its header says it prints (with pids as <pid>).
 */
import { describe, expect } from "bun:test";
import { execFileSync } from "node:child_process";
import { kernelTest } from "./support/gates.ts";

const ROOT = new URL("..", import.meta.url).pathname;

function expectedOutput(file: string): string {
  const text = execFileSync("cat", [`${ROOT}/${file}`], { encoding: "utf8" });
  const header = /Prints:\n \*\n((?: \*   .*\n)+)/.exec(text);
  if (!header) throw new Error(`${file} has no 'Prints:' block in its header`);
  return header[1]!.split("\n").filter(Boolean).map((l) => l.replace(/^ \*   /, "")).join("\n");
}

describe("examples", () => {
  kernelTest("loader/count_syscalls.ts prints the count the kernel kept", () => {
    const file = "examples/loader/count_syscalls.ts";
    const out = execFileSync(`${ROOT}/node_modules/.bin/bun`, [`${ROOT}/${file}`],
      { encoding: "utf8" }).trim();
    expect(out.replace(/pid \d+/g, "pid <pid>")).toBe(expectedOutput(file));
  });
});
