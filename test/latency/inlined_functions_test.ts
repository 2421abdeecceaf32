/**
 * The DWARF side of `tsbpf latency`: our own .debug_info reader finds functions in binaries
 * built by gcc (DWARF 4 and 5, plain and zlib-compressed) and clang (DWARF 5 with string
 * offsets), and a function inlined at every call site is reported with the functions it was
 * inlined into instead of matching nothing.
 */
import { describe, expect } from "bun:test";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseElf } from "@ts-bpf/loader";
import { latency } from "@ts-bpf/runtime";
import { testIf } from "../support/gates.ts";

const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const gccTest = testIf(has("gcc"), "needs gcc (CI installs it)");
const clangTest = testIf(has("clang"), "needs clang (CI installs it)");
const SOURCE = join(import.meta.dir, "programs", "c_inlined.c");
const dir = mkdtempSync(join(tmpdir(), "tsbpf-dwarf-"));

function subprograms(binary: string): string[] {
  const dies = latency.readDies(parseElf(new Uint8Array(readFileSync(binary)), binary), new Set([latency.DW_TAG.subprogram]));
  return [...dies.values()].filter((d) => d.tag === latency.DW_TAG.subprogram && d.hasCode && d.name).map((d) => d.name!).sort();
}

describe("the DWARF reader", () => {
  for (const flags of [["-gdwarf-4"], ["-gdwarf-5"], ["-gdwarf-5", "-gz=zlib"]]) {
    gccTest(`reads the functions gcc describes with ${flags.join(" ")}`, () => {
      const binary = join(dir, `gcc${flags.join("")}`);
      execFileSync("gcc", ["-O2", ...flags, "-o", binary, SOURCE]);
      expect(subprograms(binary)).toEqual(["caller_one", "caller_two", "main"]);
    });
  }
  clangTest("reads the functions clang describes with DWARF 5 string offsets", () => {
    const binary = join(dir, "clang");
    execFileSync("clang", ["-O2", "-gdwarf-5", "-o", binary, SOURCE]);
    expect(subprograms(binary)).toEqual(["caller_one", "caller_two", "main"]);
  });
});

describe("functions inlined at every call site", () => {
  gccTest("are named with the functions they were inlined into, never as 0 calls", () => {
    const binary = join(dir, "inlined");
    execFileSync("gcc", ["-O2", "-g", "-o", binary, SOURCE]);
    const selection = latency.matchFunctions([latency.readModule(binary)], ["tiny_*", "caller_*"]);
    expect(selection.patterns[0]!.matched).toBe(0);
    expect(selection.patterns[0]!.notes).toEqual(["tiny_helper in inlined was inlined at every call site, so it " +
      "has no address to probe; it is inlined into caller_one, caller_two (probe those instead)"]);
    expect(selection.functions.map((f) => f.name)).toEqual(["caller_one", "caller_two"]);
  });
  gccTest("without DWARF, a missing function is only said to match nothing", () => {
    const binary = join(dir, "inlined_nodebug");
    execFileSync("gcc", ["-O2", "-o", binary, SOURCE]);
    const selection = latency.matchFunctions([latency.readModule(binary)], ["tiny_*"]);
    expect(selection.patterns[0]!.notes.join("\n")).toMatch(/no function in inlined_nodebug matches 'tiny_\*'/);
  });
});
