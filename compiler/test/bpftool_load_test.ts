/**
 * The compiler's ELF object is a libbpf-convention object: `bpftool prog loadall` (libbpf)
 * loads it, maps included, with our TypeScript line info.
 */
import { describe, expect } from "bun:test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withTool } from "../../test/support/gates.ts";
import { compileOk } from "./support.ts";

describe("bpftool", () => {
  withTool("bpftool")("prog loadall accepts a compiled probe and shows its source lines", () => {
    const source = readFileSync(new URL("../../examples/count_getppid.ts", import.meta.url), "utf8");
    const artifact = compileOk(source, "count_getppid.ts");
    const dir = mkdtempSync(join(tmpdir(), "tsbpf-bpftool-"));
    const object = join(dir, "probe.o");
    const fs = join(dir, "bpffs");
    writeFileSync(object, artifact.object);
    execFileSync("mkdir", ["-p", fs]);
    // A private bpffs, so nothing pinned outlives the test.
    execFileSync("mount", ["-t", "bpf", "bpf", fs]);
    try {
      execFileSync("bpftool", ["prog", "loadall", object, join(fs, "probe")]);
      const dump = execFileSync("bpftool", ["prog", "dump", "xlated", "pinned",
        join(fs, "probe", "sys_enter_getppid")], { encoding: "utf8" });
      expect(dump).toContain("; calls.increment(pid());");
      expect(dump).toContain("map[id:");
    } finally {
      execFileSync("umount", [fs]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
