/**
 * The x86-64 length decoder behind `tsbpf latency --at-returns`, checked against objdump: every
 * function of libc, libstdc++ and a program built for AVX-512 (EVEX) must split into the same
 * instructions. And which functions qualify for return-instruction probes.
 */
import { describe, expect } from "bun:test";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { definedFunctions, openExecutable } from "@ts-bpf/loader";
import { latency } from "@ts-bpf/runtime";
import { testIf } from "../support/gates.ts";

const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const objdumpTest = testIf(has("objdump") && has("gcc"), "needs objdump and gcc (CI installs them)");
const dir = mkdtempSync(join(tmpdir(), "tsbpf-x86-"));

/** Functions whose decoded instruction starts differ from objdump's, as "name at address". */
function disagreements(path: string): { functions: number; differ: string[] } {
  const exe = openExecutable(path);
  const dump = execFileSync("objdump", ["-d", "-w", "--no-show-raw-insn", path], { encoding: "utf8", maxBuffer: 1 << 30 });
  const starts: number[] = [];
  for (const line of dump.split("\n")) {
    const m = /^\s+([0-9a-f]+):\t/.exec(line);
    if (m) starts.push(parseInt(m[1]!, 16));
  }
  starts.sort((a, b) => a - b);
  // The first recorded start at or after `address` (binary search).
  const from = (address: number) => {
    let lo = 0, hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < address) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const differ: string[] = [];
  let functions = 0;
  for (const f of definedFunctions(exe.elf)) {
    if (f.size === 0) continue;
    functions++;
    const at = exe.resolve(f.value).fileOffset;
    const mine = latency.decodeFunction(exe.elf.bytes.subarray(at, at + f.size))?.map((i) => f.value + i.offset);
    const theirs: number[] = [];
    for (let i = from(f.value); i < starts.length && starts[i]! < f.value + f.size; i++) theirs.push(starts[i]!);
    if (!mine || mine.length !== theirs.length || mine.some((a, i) => a !== theirs[i])) differ.push(`${f.name} at 0x${f.value.toString(16)}`);
  }
  return { functions, differ };
}

describe("the x86-64 length decoder", () => {
  for (const lib of ["/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6"]) {
    objdumpTest(`splits every function of ${lib.slice(lib.lastIndexOf("/") + 1)} as objdump does`, () => {
      if (!existsSync(lib)) throw new Error(`${lib} is missing`);
      const { functions, differ } = disagreements(lib);
      expect(functions).toBeGreaterThan(1000);
      expect(differ).toEqual([]);
    }, 120_000);
  }

  objdumpTest("splits AVX-512 (EVEX) and AVX2 (VEX) code as objdump does", () => {
    const source = join(dir, "vec.c");
    writeFileSync(source, [
      "#include <stddef.h>",
      "void saxpy(float *y, const float *x, float a, size_t n) { for (size_t i = 0; i < n; i++) y[i] += a * x[i]; }",
      "double dot(const double *a, const double *b, size_t n) { double s = 0; for (size_t i = 0; i < n; i++) s += a[i] * b[i]; return s; }",
      "void clamp(int *v, size_t n) { for (size_t i = 0; i < n; i++) v[i] = v[i] < 0 ? 0 : v[i] > 255 ? 255 : v[i]; }",
      "int main(void) { return 0; }",
    ].join("\n"));
    for (const march of ["x86-64-v3", "x86-64-v4"]) {
      const binary = join(dir, `vec_${march}`);
      execFileSync("gcc", ["-O3", `-march=${march}`, "-ffast-math", "-o", binary, source]);
      const { functions, differ } = disagreements(binary);
      expect(functions).toBeGreaterThanOrEqual(4);
      expect(differ).toEqual([]);
    }
  }, 60_000);
});

describe("return sites", () => {
  objdumpTest("a function that leaves by a tail call keeps its uretprobe, with the reason", () => {
    const source = join(dir, "tail.c");
    writeFileSync(source, [
      "__attribute__((noinline)) int leaf(int x) { asm volatile(\"\"); return x + 1; }",
      "__attribute__((noinline)) int tail(int x) { return leaf(x * 2); }",
      "int main(int argc, char **argv) { return tail(argc) + leaf(argc); }",
    ].join("\n"));
    const binary = join(dir, "tail");
    execFileSync("gcc", ["-O2", "-o", binary, source]);
    const fns = latency.readModule(binary).functions;
    const sites = (name: string) => latency.returnSites(fns.find((f) => f.names[0] === name)!);
    const leaf = sites("leaf");
    expect("offsets" in leaf && leaf.offsets.length).toBe(1);
    const tail = sites("tail");
    expect("reason" in tail && tail.reason).toMatch(/^it jumps out of itself at \+0x[0-9a-f]+ \(a tail call\)$/);
  });
});
