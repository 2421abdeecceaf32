/**
 * The README's first probe compiles, so the page a newcomer reads first cannot rot.
 */
import { describe, expect } from "bun:test";
import { kernelTest } from "./support/gates.ts";
import { readFileSync } from "node:fs";
import { compileProbe } from "../compiler/test/support.ts";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  // Reading tracepoint formats from tracefs needs root.
  kernelTest("its first probe compiles without diagnostics", () => {
    const probe = /## A first probe\s+```ts\n([\s\S]*?)```/.exec(README)?.[1];
    expect(probe).toBeDefined();
    const result = compileProbe(probe!, "first_probe.ts");
    expect(result.rendered()).toBe("");
    expect(result.artifact?.programs.map((p) => p.attach.target)).toEqual([
      "syscalls:sys_enter_openat", "syscalls:sys_exit_openat",
    ]);
  });
});
