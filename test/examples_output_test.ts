/**
 * The event-printing examples print what their headers say: each is run with `tsbpf run`, this
 * test makes the events it reports, and every line of the header's "Prints:" block must match a
 * line of the output, `<placeholders>` standing for one word and runs of spaces for any spacing.
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { kernelTest } from "./support/gates.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const TSBPF = `${ROOT}/runtime/bin/tsbpf`;

/** The lines of an example's "Prints:" block, without the "…" line. */
export function printsBlock(source: string): string[] {
  const block = /Prints[^:\n]*:\n \*\n((?: \*(?: {3}.*)?\n)+)/.exec(source)?.[1];
  if (!block) throw new Error("no 'Prints:' block in the header");
  return block.split("\n").map((l) => l.replace(/^ \*(?: {3})?/, ""))
    .filter((l) => l.trim() !== "" && l.trim() !== "…");
}

/** A regular expression for one "Prints:" line. */
export function linePattern(line: string): RegExp {
  const parts = line.trim().split(/(<[^>]+>)/).map((part) => part.startsWith("<")
    ? "\\S+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  return new RegExp(`^${parts.join("")}$`);
}

/** Runs `tsbpf run examples/<name>` for `seconds`, calling `workload` once it is attached. */
async function runExample(name: string, workload: () => Promise<void> | void, seconds = 1):
  Promise<string[]> {
  const child = Bun.spawn([TSBPF, "run", `examples/${name}`, "--duration", String(seconds)],
    { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
  const reader = child.stderr.getReader();
  let progress = "";
  while (!progress.includes("running")) {
    const { value, done } = await reader.read();
    if (done) break;
    progress += new TextDecoder().decode(value);
  }
  await workload();
  const out = await new Response(child.stdout).text();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    progress += new TextDecoder().decode(value);
  }
  expect(`exit ${await child.exited}: ${progress}`).toMatch(/^exit 0: /);
  return out.split("\n").map((l) => l.trim()).filter(Boolean);
}

function expectPrints(name: string, output: string[]): void {
  for (const line of printsBlock(readFileSync(`${ROOT}/examples/${name}`, "utf8"))) {
    const pattern = linePattern(line);
    expect(`${name} printed ${line.trim()}: ${output.some((o) => pattern.test(o))}`)
      .toBe(`${name} printed ${line.trim()}: true`);
  }
}

describe("example output", () => {
  test("the shape matcher reads placeholders and spacing", () => {
    const pattern = linePattern("PID     COMM   <fd>  <path>");
    expect(pattern.test("PID COMM 3 /etc/passwd")).toBe(true);
    expect(pattern.test("PID COMM /etc/passwd")).toBe(false);
    expect(printsBlock("/**\n * Prints:\n *\n *   a  <b>\n *   …\n */")).toEqual(["a  <b>"]);
  });

  kernelTest("opensnoop prints opened files with their fd or errno", async () => {
    const path = `/tmp/tsbpf-output-${process.pid}`;
    const output = await runExample("opensnoop.ts", () => {
      closeSync(openSync(path, "w"));
      try {
        openSync(`${path}-missing`, "r");
      } catch { /* the ENOENT row */ }
    });
    expectPrints("opensnoop.ts", output);
  }, 20000);

  kernelTest("execsnoop prints the programs started", async () => {
    const output = await runExample("execsnoop.ts", () => void spawnSync("/bin/true"));
    expectPrints("execsnoop.ts", output);
  }, 20000);

  kernelTest("killsnoop prints signals with their results", async () => {
    const output = await runExample("killsnoop.ts", () => {
      process.kill(process.pid, 0);
      try {
        process.kill(4_000_000, 0);
      } catch { /* the ESRCH row */ }
    });
    expectPrints("killsnoop.ts", output);
  }, 20000);

  kernelTest("tcplife prints closed TCP sessions", async () => {
    const output = await runExample("tcplife.ts", async () => {
      const server = createServer((socket) => socket.end());
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const port = (server.address() as { port: number }).port;
      await new Promise<void>((resolve) => {
        const client = createConnection(port, "127.0.0.1", () => client.end());
        client.on("close", () => resolve());
        client.resume();
      });
      server.close();
    });
    expectPrints("tcplife.ts", output);
  }, 20000);
});
