/**
 * Uprobes and uretprobes: `openExecutable(path).uprobe("add", program)`. A target (a function,
 * `function+offset` or an address) becomes a file offset through the ELF reader; the probe is a
 * perf event of the uprobe PMU (config1 = the path, config2 = the offset, the retprobe bit per
 * sysfs) linked to a kprobe-type program with BPF_LINK_CREATE. Closing the link removes the
 * probe. It does not use tracefs `uprobe_events`, so it needs no tracefs mount.
 */
import { ProgType } from "../asm/mod.ts";
import { parseElf, resolveUprobeTarget, type ElfFile, type UprobeTarget } from "../elf/mod.ts";
import { cString } from "../sys/attr.ts";
import { SyscallError } from "../sys/errors.ts";
import { readFileBytes } from "../sys/files.ts";
import { perfEventOpen } from "../sys/os.ts";
import { backend } from "../sys/select_backend.ts";
import type { Program } from "../programs/program.ts";
import { AttachError, requireProgramType } from "./attach_error.ts";
import { resolveLibraryPath } from "./library_path.ts";
import type { FdLink } from "./link.ts";
import { withPerfEventAttr } from "./perf_event_attr.ts";
import { linkPerfEvent } from "./tracepoint.ts";
import { uprobePmu } from "./uprobe_pmu.ts";

export interface OpenExecutableOptions {
  /**
   * A process that has the file mapped: a bare library name ("libc.so.6", "libssl") is found in
   * its /proc/<pid>/maps, and probes made through this object fire only in that process unless
   * they say otherwise.
   */
  pid?: number;
}

export interface UprobeOptions {
  /** Fire only in this process; -1 for every process. Default: the executable's pid, else -1. */
  pid?: number;
  /** A value the program reads with bpf_get_attach_cookie (5.15+). */
  cookie?: bigint;
}

const WRONG_TYPE_HINT =
  "uprobes run kprobe-type programs: load it with type ProgType.KPROBE (section 'uprobe/…')";

/** An executable or shared library opened for uprobes; its ELF symbols are read once. */
export class Executable {
  constructor(
    /** The path handed to the kernel (resolved from a library name when one was given). */
    readonly path: string,
    readonly elf: ElfFile,
    /** The process given to `openExecutable`, if any. */
    readonly pid?: number,
  ) {}

  /**
   * Where `target` is: a function name ("add"), "function+offset" ("add+0x4"), or a virtual
   * address as `nm` and `objdump` print it (a number or "0x1139").
   * @throws ElfError symbol not found (with suggestions; says when the file is stripped),
   *   imported from another library, not a function, or an address outside the code.
   */
  resolve(target: string | number): UprobeTarget {
    return resolveUprobeTarget(this.elf, target);
  }

  /**
   * Runs `program` (type KPROBE; its ctx is `struct pt_regs`) when `target` is entered.
   * @throws AttachError wrong program type; ElfError unknown target; SyscallError when the
   *   kernel refuses (no such pid, permissions).
   * @example
   * using link = openExecutable("/usr/bin/bash").uprobe("readline", program);
   */
  uprobe(target: string | number, program: Program, options: UprobeOptions = {}): FdLink {
    return this.#attach("uprobe", target, program, options);
  }

  /** Runs `program` (type KPROBE) when `target` returns; pt_regs' rax holds the return value. */
  uretprobe(target: string | number, program: Program, options: UprobeOptions = {}): FdLink {
    return this.#attach("uretprobe", target, program, options);
  }

  #attach(kind: "uprobe" | "uretprobe", target: string | number, program: Program,
    options: UprobeOptions): FdLink {
    const pid = options.pid ?? this.pid ?? -1;
    requireProgramType(program, [ProgType.KPROBE], `${kind} ${this.path}:${target}`,
      WRONG_TYPE_HINT);
    const where = this.resolve(target);
    const pmu = uprobePmu();
    const what = `${kind} ${this.path}:${where.description}` + (pid >= 0 ? ` (pid ${pid})` : "");
    const path = cString(this.path);
    let eventFd: number;
    try {
      eventFd = withPerfEventAttr({
        type: pmu.type,
        config: kind === "uretprobe" ? 1n << BigInt(pmu.retprobeBit) : 0n,
        config1: path.address,
        config2: where.fileOffset,
      }, (attr) => perfEventOpen(attr, pid, pid >= 0 ? -1 : 0, what));
    } catch (error) {
      if (error instanceof SyscallError) {
        throw new SyscallError(`Cannot attach program '${program.name}' to ${what}`, error.errno,
          { hint: openHint(error.errno, pid, this.path) });
      }
      throw error;
    } finally {
      // The kernel copies the path during perf_event_open.
      backend().free(path);
    }
    return linkPerfEvent(program, eventFd, what, options.cookie);
  }
}

/**
 * Opens an executable or shared library for uprobes: a path, or a bare library name found
 * through `pid`'s memory map, ld.so.cache or the usual library directories.
 * @throws AttachError `file_not_found` / `library_not_found`; ElfError when it is not an ELF file.
 * @example
 * const libc = openExecutable("libc.so.6", { pid });
 * using link = libc.uretprobe("malloc", program);
 */
export function openExecutable(nameOrPath: string, options: OpenExecutableOptions = {}):
  Executable {
  const path = resolveLibraryPath(nameOrPath, options.pid);
  let bytes: Uint8Array;
  try {
    bytes = readFileBytes(path);
  } catch (error) {
    if (error instanceof SyscallError && (error.errno === 2 || error.errno === 20)) {
      throw new AttachError("file_not_found", `Cannot open '${path}' for uprobes: no such file`,
        "give the path of an executable or shared library, e.g. from 'which' or 'ldd'",
        { cause: error });
    }
    if (error instanceof SyscallError && error.errno === 21) {
      throw new AttachError("file_not_found", `Cannot open '${path}' for uprobes: it is a ` +
        "directory", "give the path of an executable or shared library", { cause: error });
    }
    throw error;
  }
  return new Executable(path, parseElf(bytes, path), options.pid);
}

function openHint(errno: number, pid: number, path: string): string | undefined {
  switch (errno) {
    case 3: return `there is no process ${pid}`;
    case 2: return `'${path}' disappeared after it was read`;
    case 22: return "the kernel refused the offset: it must be the first byte of an instruction " +
      "in an executable segment";
    default: return undefined;
  }
}
