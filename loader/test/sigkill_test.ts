/**
 * A process killed with SIGKILL leaves nothing attached: its links die with its last fd.
 * Spawns a child in the same runtime, reads its link id, kills it, and checks the kernel's
 * link list (our own BPF_LINK_GET_NEXT_ID walk, and `bpftool link` where it is installed).
 */
import { describe, expect } from "bun:test";
import { execFileSync, spawn } from "node:child_process";
import { kernelTest, requireAll } from "../../test/support/gates.ts";
import { kernelLinkIds } from "./scenarios.ts";

// deno-lint-ignore no-explicit-any
declare const Deno: any;

function childCommand(): [string, string[]] {
  const fixture = new URL("./fixtures/attach_and_hold.ts", import.meta.url).pathname;
  if (typeof Deno !== "undefined") return [Deno.execPath(), ["run", "--allow-ffi", fixture]];
  return [process.execPath, [fixture]];
}

function bpftoolLinkIds(): number[] | undefined {
  try {
    const out = execFileSync("bpftool", ["-j", "link", "show"], { encoding: "utf8" });
    return (JSON.parse(out) as { id: number }[]).map((l) => l.id);
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("SIGKILL", () => {
  kernelTest("a killed process leaves none of its links attached", async () => {
    const [cmd, args] = childCommand();
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    const linkId = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child printed no link id: ${out}`)), 15000);
      child.stdout!.on("data", (chunk) => {
        out += String(chunk);
        const m = /link (\d+)/.exec(out);
        if (m && /prog \d+/.test(out)) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    expect(kernelLinkIds()).toContain(linkId);
    const exited = new Promise((r) => child.on("exit", r));
    child.kill("SIGKILL");
    await exited;
    // The kernel releases the link when the dead process's fd table is torn down.
    for (let i = 0; i < 50 && kernelLinkIds().includes(linkId); i++) await sleep(20);
    expect(kernelLinkIds()).not.toContain(linkId);
    // bpftool's view too, where it is installed (CI installs it, so there it must be).
    const listed = bpftoolLinkIds();
    if (requireAll) expect(listed).toBeDefined();
    if (listed) expect(listed).not.toContain(linkId);
  }, 30000);
});
