/**
 * docs/testing-probes.md cannot rot: its ```ts test block is written out as a test file and run
 * with `bun test`, from the repository root (where its example path resolves).
 */
import { expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const ROOT = new URL("..", import.meta.url).pathname;

test("the example test in docs/testing-probes.md passes", () => {
  const doc = readFileSync(`${ROOT}docs/testing-probes.md`, "utf8");
  const blocks = [...doc.matchAll(/^```ts test\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  expect(blocks).toHaveLength(1);
  mkdirSync(`${ROOT}.build`, { recursive: true });
  const file = `${ROOT}.build/testing_probes_doc_example_test.ts`;
  writeFileSync(file, blocks[0]!);
  const run = spawnSync(process.execPath, ["test", file], { cwd: ROOT, encoding: "utf8" });
  expect(`${run.stdout}${run.stderr}`).toContain(" 1 pass");
  expect(run.status).toBe(0);
}, 60_000);
