/**
 * The loader under Node (through koffi), on the real kernel: the same scenarios the Bun and
 * Deno suites assert. Bundled by scripts/bundle_node.mjs and run by the test command.
 * Without root it prints why it skips, and fails when TSBPF_REQUIRE_ALL=1.
 */
import assert from "node:assert/strict";
import {
  buildCounterObject, clangObjectCount, countGetppidCalls, rawTracepointTestRun, uprobeAddSums,
  verifierRejection,
} from "../../loader/test/scenarios.ts";

const results: [string, () => void | Promise<void>][] = [
  ["counter counts exactly the calls made", () => assert.equal(countGetppidCalls(777), 777)],
  ["raw tracepoint test run", () => assert.equal(rawTracepointTestRun(99n), 100)],
  ["verifier rejection message", () =>
    assert.match(verifierRejection(), /check the map lookup result for undefined/)],
  ["clang-built object loads, attaches and counts", () =>
    assert.equal(clangObjectCount(buildCounterObject(), 55).count, 55)],
  ["uprobe and uretprobe read arguments and results", async () => {
    const { seen, expected } = await uprobeAddSums(200);
    assert.deepEqual(seen.entry, { count: 200n, sum: expected.args });
    assert.deepEqual(seen.exit, { count: 200n, sum: expected.results });
  }],
];

if (process.getuid?.() !== 0) {
  const reason = "the Node smoke test needs root to load BPF programs";
  if (process.env.TSBPF_REQUIRE_ALL === "1") {
    console.error(`FAIL: ${reason}, and TSBPF_REQUIRE_ALL=1`);
    process.exit(1);
  }
  console.warn(`skipping: ${reason}`);
  process.exit(0);
}

let failed = 0;
for (const [name, run] of results) {
  try {
    await run();
    console.log(`ok   node: ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL node: ${name}\n${error instanceof Error ? error.stack : error}`);
  }
}
console.log(`node smoke: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
