/**
 * The loader under Node (through koffi), on the real kernel: the same scenarios the Bun and
 * Deno suites assert. Bundled by scripts/bundle_node.mjs and run by the test command.
 * Without root it prints why it skips, and fails when TSBPF_REQUIRE_ALL=1.
 */
import assert from "node:assert/strict";
import {
  buildCounterObject, clangObjectCount, countGetppidCalls, kernelLinkIds, rawTracepointTestRun,
  ringBufferBurst, uprobeAddSums,
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
  ["a ring buffer delivers a burst in order, none lost", async () => {
    const { sequence, failures } = await ringBufferBurst(10_000);
    assert.equal(failures, 0);
    assert.equal(sequence.length, 10_000);
    assert.ok(sequence.every((s, i) => s === i), "records arrive in order");
  }],
  ["a process killed with SIGKILL leaves no link", async () => {
    const { spawn } = await import("node:child_process");
    const { join } = await import("node:path");
    const fixture = join(process.cwd(), ".build/attach_and_hold.mjs");
    const child = spawn(process.execPath, [fixture], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    const linkId = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no link id from child: ${out}`)), 15_000);
      child.stdout!.on("data", (d) => {
        out += d;
        const m = /link (\d+)[\s\S]*prog \d+/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    assert.ok(kernelLinkIds().includes(linkId));
    const exited = new Promise((r) => child.on("exit", r));
    child.kill("SIGKILL");
    await exited;
    for (let i = 0; i < 50 && kernelLinkIds().includes(linkId); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(!kernelLinkIds().includes(linkId), "the link is gone");
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
