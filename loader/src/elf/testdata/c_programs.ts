/**
 * Test support: compiles small C programs with `cc` into a temporary directory and runs binutils
 * (`readelf`) to get reference answers. Not a test file and not part of the public API.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Paths of the compiled programs. */
export interface CPrograms {
  readonly dir: string;
  /** Position-independent executable (the default on Debian). */
  readonly pie: string;
  /** Executable linked at a fixed address (`-no-pie`). */
  readonly noPie: string;
  /** `pie` after `strip`. */
  readonly stripped: string;
  /** Shared library `libdemo.so` with soname `libdemo.so.1`. */
  readonly shared: string;
  /** Executable that imports `lib_add` from `libdemo.so.1`. */
  readonly usesShared: string;
  /** Relocatable x86-64 object (`cc -c`). */
  readonly object: string;
}

const MAIN_C = `
#include <stdio.h>
#include <stdlib.h>
int counter;
int initialized = 42;
const char greeting[] = "hello";
__attribute__((noinline)) static int helper(int x) { return x * 3 + counter; }
__attribute__((noinline)) int work(int x) { return helper(x) + 1; }
__attribute__((noinline)) int twin_a(void);
__attribute__((noinline)) int fast_sum_generic(int x) { return x + 1; }
__attribute__((noinline)) int fast_sum_avx2(int x) { return x + 2; }
static void *resolve_fast_sum(void) {
  return counter ? (void *)fast_sum_avx2 : (void *)fast_sum_generic;
}
int fast_sum(int x) __attribute__((ifunc("resolve_fast_sum")));
int main(int argc, char **argv) {
  char *p = malloc(16);
  printf("%s %d %d %d\\n", greeting, work(argc), twin_a(), initialized + fast_sum(argc));
  free(p);
  return 0;
}
`;
// A second file with a static function of the same name as one in third.c: two `twin` symbols.
const SECOND_C = `
__attribute__((noinline)) static int twin(void) { return 1; }
__attribute__((noinline)) int twin_b(void);
__attribute__((noinline)) int twin_a(void) { return twin() + twin_b(); }
`;
const THIRD_C = `
__attribute__((noinline)) static int twin(void) { return 2; }
__attribute__((noinline)) int twin_b(void) { return twin(); }
`;
const LIB_C = `
int lib_total;
__attribute__((noinline)) int lib_add(int a, int b) { lib_total += a + b; return lib_total; }
`;
const USES_C = `
#include <stdio.h>
int lib_add(int a, int b);
int main(void) { printf("%d\\n", lib_add(1, 2)); return 0; }
`;

let built: CPrograms | undefined;
let builtDir: string | undefined;

/**
 * The programs' paths. Each is compiled on first use (into one temporary directory per process,
 * until `removeCPrograms()`), so a test file pays only for what it reads.
 */
export function cPrograms(): CPrograms {
  if (built) return built;
  const dir = builtDir = mkdtempSync(join(tmpdir(), "tsbpf-elf-"));
  const p = (name: string) => join(dir, name);
  const source = (name: string, text: string) => {
    if (!existsSync(p(name))) writeFileSync(p(name), text);
    return p(name);
  };
  const mainSources =
    () => [source("main.c", MAIN_C), source("second.c", SECOND_C), source("third.c", THIRD_C)];
  const cc = (output: string, args: () => string[]) => {
    if (!existsSync(p(output))) run("cc", ["-O1", "-g0", "-o", p(output), ...args()]);
    return p(output);
  };
  const pie = () => cc("pie", () => ["-pie", "-fPIE", ...mainSources()]);
  const shared = () =>
    cc(
      "libdemo.so",
      () => ["-shared", "-fPIC", "-Wl,-soname,libdemo.so.1", source("lib.c", LIB_C)],
    );
  const programs = {
    dir,
    get pie() {
      return pie();
    },
    get noPie() {
      return cc("nopie", () => ["-no-pie", "-fno-pie", ...mainSources()]);
    },
    get stripped() {
      if (!existsSync(p("stripped"))) run("strip", ["-o", p("stripped"), pie()]);
      return p("stripped");
    },
    get shared() {
      return shared();
    },
    get usesShared() {
      shared();
      return cc("uses_lib", () => [source("uses.c", USES_C), `-L${dir}`, "-ldemo"]);
    },
    get object() {
      return cc("main.o", () => ["-c", mainSources()[0]!]);
    },
  };
  return built = programs;
}

/** Deletes the temporary directory; a later `cPrograms()` compiles again. */
export function removeCPrograms(): void {
  if (builtDir) rmSync(builtDir, { recursive: true, force: true });
  built = builtDir = undefined;
}

/** Runs a command and returns its standard output; throws with its stderr on failure. */
export function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The bytes of a file. */
export function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** A `PT_LOAD` line of `readelf -lW`. */
export interface ReadelfLoad {
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
  flags: string;
}

/** The `LOAD` segments `readelf -lW` prints. */
export function readelfLoads(path: string): ReadelfLoad[] {
  const loads: ReadelfLoad[] = [];
  for (const line of run("readelf", ["-lW", path]).split("\n")) {
    const m =
      /^\s*LOAD\s+(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+0x[0-9a-f]+\s+(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+([RWE ]+?)\s+0x/
        .exec(line);
    if (m) {
      loads.push({
        offset: Number(m[1]),
        vaddr: Number(m[2]),
        filesz: Number(m[3]),
        memsz: Number(m[4]),
        flags: m[5]!.trim(),
      });
    }
  }
  return loads;
}

/** A symbol line of `readelf -sW`. */
export interface ReadelfSymbol {
  table: string;
  index: number;
  value: number;
  size: number;
  type: string;
  bind: string;
  visibility: string;
  ndx: string;
  name: string;
}

/** Every symbol `readelf -sW` prints, with the table it is under. */
export function readelfSymbols(path: string): ReadelfSymbol[] {
  const out: ReadelfSymbol[] = [];
  let table = "";
  for (const line of run("readelf", ["-sW", path]).split("\n")) {
    const header = /^Symbol table '([^']+)'/.exec(line);
    if (header) table = header[1]!;
    const m = /^\s*(\d+):\s+([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$/
      .exec(line);
    if (m) {
      out.push({
        table,
        index: Number(m[1]),
        value: parseInt(m[2]!, 16),
        size: Number(m[3]),
        type: m[4]!,
        bind: m[5]!,
        visibility: m[6]!,
        ndx: m[7]!,
        name: m[8]!.replace(/ \(\d+\)$/, ""),
      });
    }
  }
  return out;
}

/** The file offset of a virtual address, computed from `readelf -lW` output. */
export function readelfFileOffset(path: string, vaddr: number): number | undefined {
  const load = readelfLoads(path).find((l) => vaddr >= l.vaddr && vaddr < l.vaddr + l.filesz);
  return load ? vaddr - load.vaddr + load.offset : undefined;
}
