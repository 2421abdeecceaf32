/**
 * The compiler's ELF object is a libbpf-convention object: `bpftool prog loadall` (libbpf)
 * loads it, maps and global data included, with our TypeScript line info.
 */
import { describe, expect } from "bun:test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withTool } from "../../test/support/gates.ts";
import { compileOk } from "./support.ts";

/** Loads an example with `bpftool prog loadall` and returns program `name` as `dump xlated` shows it. */
function loadedProgram(example: string, name: string): string {
  const source = readFileSync(new URL(`../../examples/${example}`, import.meta.url), "utf8");
  const artifact = compileOk(source, example);
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-bpftool-"));
  const object = join(dir, "probe.o");
  const fs = join(dir, "bpffs");
  writeFileSync(object, artifact.object);
  execFileSync("mkdir", ["-p", fs]);
  // A private bpffs, so nothing pinned outlives the test.
  execFileSync("mount", ["-t", "bpf", "bpf", fs]);
  try {
    execFileSync("bpftool", ["prog", "loadall", object, join(fs, "probe")]);
    return execFileSync("bpftool", ["prog", "dump", "xlated", "pinned", join(fs, "probe", name)],
      { encoding: "utf8" });
  } finally {
    execFileSync("umount", [fs]);
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("bpftool", () => {
  withTool("bpftool")("prog loadall accepts a compiled probe and shows its source lines", () => {
    const dump = loadedProgram("count_getppid.ts", "sys_enter_getppid");
    expect(dump).toContain("; calls.increment(pid());");
    expect(dump).toContain("map[id:");
  });

  withTool("bpftool")("prog loadall takes a ring buffer's drop counter as global data", () => {
    const dump = loadedProgram("opensnoop.ts", "sys_exit_openat");
    // libbpf made .data.opens_drops an array map and pointed the ld_imm64 at its value.
    expect(dump).toMatch(/r1 = map\[id:\d+\]\[0\]\+0\n.*r2 = 1\n.*lock \*\(u64 \*\)\(r1 \+0\) \+= r2/);
  });
});
