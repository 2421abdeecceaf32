/**
 * The functions `tsbpf latency` can probe: for a binary, the executable and the shared libraries
 * it needs; for a process, every file it has mapped executable. Symbols come from `.symtab` and
 * `.dynsym` (merged by the loader's `definedFunctions`), each demangled once; aliases at one
 * address (C++ constructor variants, ICF-folded functions) are one probe site. It reads files
 * and /proc only; matching patterns is `matchFunctions`' job.
 */
import { existsSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { definedFunctions, type Executable, isStripped, neededLibraries, openExecutable } from "@ts-bpf/loader";
import { demangle, withoutParameters } from "./demangle.ts";

/** One function a uprobe can go on. */
export interface CatalogFunction {
  /** The file it is in (as given to the kernel). */
  readonly module: CodeModule;
  /** Symbol names at this address: the first is the one shown. */
  readonly mangled: readonly string[];
  /** Demangled names, one per `mangled`. */
  readonly names: readonly string[];
  /** Demangled names without C++ parameter lists, one per `mangled`. */
  readonly shortNames: readonly string[];
  /** Its virtual address (`st_value`) and size in bytes. */
  readonly address: number;
  readonly size: number;
}

/** An executable or shared library and what it defines. */
export interface CodeModule {
  readonly path: string;
  readonly executable: Executable;
  /** No `.symtab`: only exported functions are visible. */
  readonly stripped: boolean;
  /** Built by Go (uretprobes would corrupt its moving stacks). */
  readonly go: boolean;
  /**
   * Has exception tables (`.gcc_except_table`: C++ try/catch or cleanups, Rust unwinding): an
   * exception unwinding through a uretprobe'd function aborts the program.
   */
  readonly unwinds: boolean;
  /** The file's identity when its symbols were read (device, inode, size, mtime). */
  readonly identity: string;
  readonly functions: readonly CatalogFunction[];
  /** gcc's `<function>.cold` parts: not probe targets, but where their functions may return. */
  readonly coldParts: readonly CatalogFunction[];
}

/** Where to look: a binary (and the libraries it needs), or a running process. */
export interface CatalogTarget {
  binary?: string;
  pid?: number;
}

/** Reads every module of `target` and its functions. */
export function readCatalog(target: CatalogTarget): CodeModule[] {
  const paths = target.pid !== undefined ? mappedExecutables(target.pid) : binaryAndLibraries(target.binary!);
  return paths.map((path) => readModule(path, target.pid));
}

/** One file's functions. */
export function readModule(path: string, pid?: number): CodeModule {
  const executable = openExecutable(path, pid === undefined ? {} : { pid });
  const elf = executable.elf;
  const go = [".go.buildinfo", ".gopclntab", ".note.go.buildid"].some((s) => elf.section(s) !== undefined);
  const functions: CatalogFunction[] = [];
  const coldParts: CatalogFunction[] = [];
  const unwinds = elf.section(".gcc_except_table") !== undefined;
  const module: CodeModule = { path, executable, stripped: isStripped(elf), go, unwinds,
    identity: fileIdentity(executable.path), functions, coldParts };
  const byAddress = new Map<number, { mangled: string[]; size: number }>();
  for (const symbol of definedFunctions(elf)) {
    const entry = byAddress.get(symbol.value);
    if (entry) {
      if (!entry.mangled.includes(symbol.name)) entry.mangled.push(symbol.name);
      entry.size = Math.max(entry.size, symbol.size);
    } else byAddress.set(symbol.value, { mangled: [symbol.name], size: symbol.size });
  }
  for (const [address, { mangled, size }] of byAddress) {
    // gcc's `.cold` parts are pieces of another function, never entered by a call.
    if (mangled.every((m) => /\.cold(\.\d+)?$/.test(m))) {
      coldParts.push({ module, mangled, names: mangled, shortNames: mangled, address, size });
      continue;
    }
    const names = mangled.map(demangle);
    functions.push({ module, mangled, names, shortNames: names.map(withoutParameters), address, size });
  }
  return module;
}

/** The executable files process `pid` maps (its program first), through /proc/<pid>/root. */
export function mappedExecutables(pid: number): string[] {
  let maps: string;
  try {
    maps = readFileSync(`/proc/${pid}/maps`, "utf8");
  } catch {
    throw new Error(`Cannot read the memory map of process ${pid}: there is no such process ` +
      "(hint: check the pid; it may have exited)");
  }
  const files: string[] = [];
  for (const line of maps.split("\n")) {
    const m = /^\S+\s+(\S+)\s+\S+\s+\S+\s+\d+\s+(\/.*)$/.exec(line);
    if (!m || !m[1]!.includes("x") || m[2]!.endsWith(" (deleted)")) continue;
    if (!files.includes(m[2]!)) files.push(m[2]!);
  }
  let program: string | undefined;
  try {
    program = readlinkSync(`/proc/${pid}/exe`);
  } catch { /* a kernel thread or a vanished process: keep the map's order */ }
  if (program && files.includes(program)) files.splice(files.indexOf(program), 1), files.unshift(program);
  return files.map((f) => `/proc/${pid}/root${f}`);
}

/**
 * `binary` and the libraries it names in DT_NEEDED that can be found: beside the binary (the
 * usual `$ORIGIN` run path), else through ld.so.cache and the library directories.
 */
export function binaryAndLibraries(binary: string): string[] {
  if (!existsSync(binary)) {
    throw new Error(`Cannot open '${binary}': no such file (hint: give the path of an ` +
      "executable or shared library, or --pid N of a running process)");
  }
  const paths = [binary];
  let needed: string[] = [];
  try {
    needed = neededLibraries(openExecutable(binary).elf);
  } catch { /* not dynamic, or not ELF: readModule reports that */ }
  for (const name of needed) {
    const beside = join(dirname(binary), name);
    if (existsSync(beside)) paths.push(beside);
    else {
      try {
        paths.push(openExecutable(name).path);
      } catch { /* not installed here: its functions cannot be probed in this binary's runs */ }
    }
  }
  return paths;
}

/** What identifies a file's contents cheaply: device, inode, size and modification time. */
export function fileIdentity(path: string): string {
  const s = statSync(path);
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
}

/**
 * Throws when `module`'s file changed since its symbols were read: offsets from the old file
 * would put breakpoints in the middle of the new file's instructions and crash the process.
 */
export function requireUnchanged(module: CodeModule): void {
  let now: string | undefined;
  try {
    now = fileIdentity(module.executable.path);
  } catch { /* gone: reported below */ }
  if (now !== module.identity) {
    throw new Error(`Cannot attach to ${module.path}: the file changed since its symbols were read ` +
      "(hint: it was rebuilt or replaced; run tsbpf latency again)");
  }
}

/** A short name for a module in messages: the file name. */
export function moduleName(module: CodeModule): string {
  return module.path.slice(module.path.lastIndexOf("/") + 1);
}
