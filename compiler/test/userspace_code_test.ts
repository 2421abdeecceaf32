/**
 * The artifact says whether the probe has userspace code to run: a module that only declares
 * maps, types, functions and attach points needs no bundle, which saves the runtime's startup.
 */
import { describe, expect } from "bun:test";
import { kernelTest } from "../../test/support/gates.ts";
import { compileOk } from "./support.ts";

const DECLARATIONS = `import { Count, pid, tracepoint, type u32 } from "@ts-bpf/probes";
interface Unused { a: u32 }
const LIMIT = 10;
export const calls = new Count<u32>();
function twice(x: u32): u32 { return x * 2; }
tracepoint("syscalls:sys_enter_getppid", () => { calls.increment(twice(pid())); });
`;

describe("userspace code detection", () => {
  // Compiling reads tracepoint formats from tracefs, which needs root.
  kernelTest("a module that only declares has no userspace code", () => {
    expect(compileOk(DECLARATIONS).hasUserspaceCode).toBe(false);
  });

  kernelTest("prints, subscriptions, timers and other imports are userspace code", () => {
    for (const extra of [
      `console.log("hello");`,
      `calls.entries();`,
      `let seen = 0;`,
      `if (LIMIT > 3) console.log("x");`,
    ]) {
      expect(compileOk(`${DECLARATIONS}${extra}\n`).hasUserspaceCode).toBe(true);
    }
    expect(compileOk(`import { readFileSync } from "node:fs";\n${DECLARATIONS}`).hasUserspaceCode)
      .toBe(true);
  });
});
