/**
 * The uprobe tests' target: a C program that prints its pid, waits for a line on stdin, then
 * calls `int add(int a, int b)` (or `lib_add` from a shared library) as add(i, 2) for
 * i = 1..N and prints the sum. Built once per process with `cc` into a temporary directory as a
 * PIE, a non-PIE and a shared-library build; `removeTargets()` deletes them. Test support only.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MAIN = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#ifdef USE_LIB
int lib_add(int a, int b);
#define ADD lib_add
#else
__attribute__((noinline)) int add(int a, int b) { __asm__ volatile(""); return a + b; }
#define ADD add
#endif
int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1000;
  char line[16];
  long total = 0;
  printf("pid %d\\n", getpid());
  fflush(stdout);
  if (!fgets(line, sizeof line, stdin)) return 1;
  for (int i = 1; i <= n; i++) total += ADD(i, 2);
  printf("calls %d total %ld\\n", n, total);
  return 0;
}
`;

const LIB = `__attribute__((noinline)) int lib_add(int a, int b) { __asm__ volatile(""); return a + b; }
`;

/** Paths of the builds. */
export interface Builds {
  dir: string;
  pie: string;
  noPie: string;
  /** A stripped copy of the PIE build. */
  stripped: string;
  /** The executable calling lib_add in `library`. */
  withLibrary: string;
  library: string;
}

let builds: Builds | undefined;

/** Compiles the targets (once per process). */
export function buildTargets(): Builds {
  if (builds) return builds;
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-uprobe-"));
  writeFileSync(join(dir, "main.c"), MAIN);
  writeFileSync(join(dir, "lib.c"), LIB);
  const cc = (...args: string[]) => {
    const result = spawnSync("cc", ["-O0", "-g0", ...args], { cwd: dir, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`cc ${args.join(" ")} failed: ${result.stderr}`);
  };
  cc("-fPIE", "-pie", "-o", "add_pie", "main.c");
  cc("-fno-pie", "-no-pie", "-o", "add_nopie", "main.c");
  cc("-fPIE", "-pie", "-s", "-o", "add_stripped", "main.c");
  cc("-fPIC", "-shared", "-o", "libaddtest.so", "lib.c");
  cc("-DUSE_LIB", "-o", "add_lib", "main.c", "-L.", "-laddtest", `-Wl,-rpath,${dir}`);
  builds = {
    dir, pie: join(dir, "add_pie"), noPie: join(dir, "add_nopie"),
    stripped: join(dir, "add_stripped"), withLibrary: join(dir, "add_lib"),
    library: join(dir, "libaddtest.so"),
  };
  return builds;
}

/** Deletes the builds (call from afterAll); the next `buildTargets()` builds again. */
export function removeTargets(): void {
  if (builds) rmSync(builds.dir, { recursive: true, force: true });
  builds = undefined;
}

/** A started target, waiting for `go()`. */
export interface Target {
  pid: number;
  /** Lets it call N times; resolves to its output once it exits. */
  go(): Promise<string>;
}

/** Starts `path` with N calls and waits until it has printed its pid. */
export function startTarget(path: string, calls: number): Promise<Target> {
  const child = spawn(path, [String(calls)], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  const exited = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    // Rejecting after the pid arrived is a no-op; before, it reports a target that died.
    exited.then((code) => reject(new Error(`${path} exited with ${code} before its pid: ${output}`)));
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      const hadPid = /pid (\d+)\n/.test(output);
      output += chunk;
      const m = /pid (\d+)\n/.exec(output);
      if (m && !hadPid) {
        resolve({
          pid: Number(m[1]),
          go: async () => {
            child.stdin!.end("go\n");
            const code = await exited;
            if (code !== 0) throw new Error(`${path} exited with ${code}: ${output}`);
            return output;
          },
        });
      }
    });
  });
}

/** The expected sums for add(i, 2), i = 1..n: of the first arguments and of the results. */
export function expectedSums(n: number): { args: bigint; results: bigint } {
  const args = BigInt(n * (n + 1) / 2);
  return { args, results: args + BigInt(2 * n) };
}
