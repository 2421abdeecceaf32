import { afterAll, describe, expect, test } from "bun:test";
import { ElfError } from "../elf/mod.ts";
import { kernelTest, withTool } from "../../../test/support/gates.ts";
import { AttachError } from "./attach_error.ts";
import { openExecutable } from "./uprobe.ts";
import { parseFormatBit, uprobePmu } from "./uprobe_pmu.ts";
import {
  buildTargets, expectedSums, removeTargets, startTarget,
} from "./testing/c_target.ts";
import { openFdCount } from "./testing/fds.ts";
import { cookieCounter, registerCounter, socketFilterCounter } from "./testing/programs.ts";

const ccTest = withTool("cc");
const CALLS = 1000;

/**
 * Starts the target, attaches a uprobe on the first argument (only in that process, through
 * `pid`) and a uretprobe on the result (system-wide, filtered by tgid in the program), lets it
 * call N times and checks both counts and sums exactly.
 */
async function probeAdd(targetPath: string, libraryArg: string | undefined, symbol: string) {
  const target = await startTarget(targetPath, CALLS);
  using entry = registerCounter(target.pid, "rdi");
  using exit = registerCounter(target.pid, "rax");
  const executable = openExecutable(libraryArg ?? targetPath,
    libraryArg ? { pid: target.pid } : {});
  using _entryLink = executable.uprobe(symbol, entry.program, { pid: target.pid });
  using _exitLink = executable.uretprobe(symbol, exit.program, { pid: -1 });
  const output = await target.go();
  const { args, results } = expectedSums(CALLS);
  expect(output).toContain(`calls ${CALLS} total ${results}`);
  expect(entry.read()).toEqual({ count: BigInt(CALLS), sum: args });
  expect(exit.read()).toEqual({ count: BigInt(CALLS), sum: results });
  return executable;
}

describe("uprobe PMU", () => {
  test("parseFormatBit() reads the bit of a one-bit format", () => {
    expect(parseFormatBit("config:0\n")).toBe(0);
    expect(parseFormatBit("config:12")).toBe(12);
    expect(() => parseFormatBit("config:32-63")).toThrow("Cannot parse");
  });

  kernelTest("uprobePmu() reads the type and retprobe bit from sysfs", () => {
    const pmu = uprobePmu();
    expect(pmu.type).toBeGreaterThan(5);
    expect(pmu.retprobeBit).toBe(0);
  });
});

describe("openExecutable() uprobes on a real process", () => {
  ccTest("a uprobe sees each first argument and a uretprobe each result (PIE)", async () => {
    await probeAdd(buildTargets().pie, undefined, "add");
  }, 30_000);

  ccTest("a uprobe sees each first argument and a uretprobe each result (non-PIE)", async () => {
    await probeAdd(buildTargets().noPie, undefined, "add");
  }, 30_000);

  ccTest("probes a function in a shared library found by name in the process's maps",
    async () => {
      const { withLibrary, library } = buildTargets();
      const executable = await probeAdd(withLibrary, "libaddtest.so", "lib_add");
      expect(executable.path).toMatch(/^\/proc\/\d+\/root\//);
      expect(executable.path.endsWith(library)).toBe(true);
    }, 30_000);

  ccTest("probes a shared library given by path", async () => {
    const { withLibrary, library } = buildTargets();
    const target = await startTarget(withLibrary, 10);
    using entry = registerCounter(target.pid, "rdi");
    using _link = openExecutable(library).uprobe("lib_add", entry.program);
    await target.go();
    expect(entry.read()).toEqual({ count: 10n, sum: 55n });
  }, 30_000);

  ccTest("the program reads the cookie given at attach", async () => {
    const path = buildTargets().noPie;
    const target = await startTarget(path, 10);
    using counter = cookieCounter(target.pid);
    using _link = openExecutable(path, { pid: target.pid }).uprobe("add", counter.program,
      { cookie: 0x1234_5678_9an });
    await target.go();
    expect(counter.read()).toEqual({ count: 10n, sum: 10n * 0x1234_5678_9an });
  }, 30_000);

  ccTest("closing the link removes the probe", async () => {
    const path = buildTargets().pie;
    const target = await startTarget(path, 10);
    using entry = registerCounter(target.pid, "rdi");
    const link = openExecutable(path).uprobe("add", entry.program);
    link.close();
    link.close();
    await target.go();
    expect(entry.read()).toEqual({ count: 0n, sum: 0n });
  }, 30_000);
});

describe("openExecutable() errors", () => {
  test("a missing file is an AttachError naming the path", () => {
    const before = openFdCount();
    expect(() => openExecutable("/nonexistent/tsbpf/prog")).toThrow(
      "Cannot open '/nonexistent/tsbpf/prog' for uprobes: no such file");
    expect(() => openExecutable("/nonexistent/tsbpf/prog")).toThrow(AttachError);
    expect(openFdCount()).toBe(before);
  });

  test("a file that is not ELF is an ElfError with a hint", () => {
    expect(() => openExecutable("/proc/self/status")).toThrow(ElfError);
    expect(() => openExecutable("/proc/self/status")).toThrow(
      "'/proc/self/status' is not an ELF file");
  });

  test("a library no one has is an error saying where it looked", () => {
    expect(() => openExecutable("libtsbpf-nothing.so.9")).toThrow(
      /Cannot find library 'libtsbpf-nothing.so.9' \(searched \/etc\/ld.so.cache/);
  });

  test("a bare library name is found through ld.so.cache", () => {
    const libc = openExecutable("libc.so.6");
    expect(libc.path).toMatch(/\/libc\.so\.6$/);
    expect(libc.resolve("getpid").fileOffset).toBeGreaterThan(0);
  });

  ccTest("a missing symbol suggests close names and opens nothing", () => {
    using counter = registerCounter(1, "rdi");
    const executable = openExecutable(buildTargets().pie);
    const before = openFdCount();
    expect(() => executable.uprobe("ad", counter.program)).toThrow(/no symbol 'ad'.*'add'/);
    expect(() => executable.uretprobe("addd", counter.program)).toThrow(ElfError);
    expect(openFdCount()).toBe(before);
  });

  ccTest("a missing symbol in a stripped binary says it is stripped", () => {
    using counter = registerCounter(1, "rdi");
    const executable = openExecutable(buildTargets().stripped);
    expect(() => executable.uprobe("add", counter.program)).toThrow("it is stripped");
  });

  ccTest("a program that is not kprobe-type is refused before anything opens", () => {
    using filter = socketFilterCounter();
    const executable = openExecutable(buildTargets().pie);
    const before = openFdCount();
    let error: unknown;
    try {
      executable.uprobe("add", filter.program);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AttachError);
    expect((error as AttachError).kind).toBe("wrong_program_type");
    expect((error as Error).message).toContain("Cannot attach program 'sock_count' " +
      "(socket_filter) to uprobe");
    expect((error as Error).message).toContain("it needs a 'kprobe' program (hint: uprobes run " +
      "kprobe-type programs");
    expect(openFdCount()).toBe(before);
  });

  ccTest("a pid that does not exist is a SyscallError and leaves nothing open", () => {
    using counter = registerCounter(1, "rdi");
    const executable = openExecutable(buildTargets().pie);
    const before = openFdCount();
    expect(() => executable.uprobe("add", counter.program, { pid: 0x3ffffff0 }))
      .toThrow("there is no process");
    expect(openFdCount()).toBe(before);
  });
});

afterAll(removeTargets);
