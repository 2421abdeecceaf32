/**
 * The loader end to end on the real kernel: maps, programs, links and test runs, with
 * hand-assembled programs. Runs under Bun and Deno; test/node/loader_smoke.ts runs the same
 * scenarios under Node.
 */
import { describe, expect, test } from "bun:test";
import { kernelTest } from "../../test/support/gates.ts";
import { countGetppidCalls, rawTracepointTestRun, verifierRejection } from "./scenarios.ts";

describe("loader on the real kernel", () => {
  kernelTest("a counter on sys_enter_getppid counts exactly the calls this process made", () => {
    expect(countGetppidCalls(1234)).toBe(1234);
  });

  kernelTest("a raw-tracepoint program runs under BPF_PROG_TEST_RUN", () => {
    expect(rawTracepointTestRun(41n)).toBe(42);
  });

  kernelTest("a verifier rejection names the instruction and the verifier's words", () => {
    const message = verifierRejection();
    expect(message).toMatch(/^The verifier rejected program 'bad_null' at instruction \d+: /);
    expect(message).toContain("check the map lookup result for undefined");
  });

  test("scenarios are exported for the Node smoke test", () => {
    expect(typeof countGetppidCalls).toBe("function");
  });
});
