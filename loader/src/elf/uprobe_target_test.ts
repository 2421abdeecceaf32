import { afterAll, describe, expect, test } from "bun:test";
import { ElfError } from "./elf_error.ts";
import { parseElf } from "./elf_file.ts";
import { resolveUprobeTarget, symbolFileOffset } from "./uprobe_target.ts";
import { writeElf } from "./elf_writer.ts";
import {
  bytesOf,
  cPrograms,
  readelfFileOffset,
  readelfLoads,
  readelfSymbols,
  removeCPrograms,
} from "./testdata/c_programs.ts";

const load = (path: string) => parseElf(bytesOf(path), path);

function elfError(fn: () => unknown): ElfError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ElfError) return error;
    throw error;
  }
  throw new Error("expected an ElfError");
}

/** The symbol's file offset computed from `readelf -lsW` alone. */
function expectedOffset(path: string, name: string): number {
  const symbol = readelfSymbols(path).find((s) => s.table === ".symtab" && s.name === name) ??
    readelfSymbols(path).find((s) => s.name === name && s.ndx !== "UND")!;
  return readelfFileOffset(path, symbol.value)!;
}

describe("symbolFileOffset()", () => {
  test("matches readelf for PIE, non-PIE and shared library functions", () => {
    const p = cPrograms();
    const cases: [string, string[]][] = [
      [p.pie, ["main", "work", "helper", "twin_a", "_start"]],
      [p.noPie, ["main", "work", "helper", "twin_b"]],
      [p.shared, ["lib_add"]],
    ];
    for (const [path, names] of cases) {
      const elf = load(path);
      for (const name of names) {
        expect([name, symbolFileOffset(elf, name)]).toEqual([name, expectedOffset(path, name)]);
      }
    }
  });

  test("subtracts the segment's address for non-PIE code", () => {
    const path = cPrograms().noPie;
    const elf = load(path);
    const main = readelfSymbols(path).find((s) => s.name === "main")!;
    expect(main.value).toBeGreaterThanOrEqual(0x400000);
    expect(symbolFileOffset(elf, "main")).toBeLessThan(0x400000);
  });

  test("handles a segment whose address and offset differ in a PIE (initialized data)", () => {
    const path = cPrograms().pie;
    const dataLoad = readelfLoads(path).find((l) => l.flags === "RW")!;
    expect(dataLoad.vaddr).not.toBe(dataLoad.offset);
    const value = readelfSymbols(path).find((s) => s.name === "initialized")!.value;
    expect(symbolFileOffset(load(path), "initialized")).toBe(
      value - dataLoad.vaddr + dataLoad.offset,
    );
  });

  test("works on a stripped file for exported symbols only", () => {
    const p = cPrograms();
    const lib = load(p.shared);
    expect(symbolFileOffset(lib, "lib_add")).toBe(expectedOffset(p.shared, "lib_add"));
    expect(() => symbolFileOffset(load(p.stripped), "main")).toThrow("it is stripped (no .symtab)");
  });

  test("refuses .bss data, which has no bytes in the file", () => {
    const error = elfError(() => symbolFileOffset(load(cPrograms().pie), "counter"));
    expect(error.kind).toBe("address_not_mapped");
  });

  test("refuses relocatable objects", () => {
    const error = elfError(() => symbolFileOffset(load(cPrograms().object), "main"));
    expect(error.kind).toBe("unsupported");
    expect(error.message).toContain("is a relocatable object (.o)");
    expect(() => symbolFileOffset(parseElf(writeElf({ sections: [] }), "empty.o"), "x")).toThrow(
      ElfError,
    );
  });
});

describe("resolveUprobeTarget()", () => {
  test("resolves a function name", () => {
    const path = cPrograms().noPie;
    const target = resolveUprobeTarget(load(path), "work");
    expect(target.fileOffset).toBe(expectedOffset(path, "work"));
    expect(target.symbol?.name).toBe("work");
    expect(target.offsetInSymbol).toBe(0);
    expect(target.description).toBe("work");
  });

  test("resolves function+offset in hex and decimal", () => {
    const path = cPrograms().noPie;
    const elf = load(path);
    const base = expectedOffset(path, "main");
    expect(resolveUprobeTarget(elf, "main+0x4").fileOffset).toBe(base + 4);
    expect(resolveUprobeTarget(elf, "main+4").description).toBe("main+0x4");
    expect(resolveUprobeTarget(elf, " main + 0x4 ").offsetInSymbol).toBe(4);
  });

  test("resolves a raw address to its file offset and containing function", () => {
    const path = cPrograms().noPie;
    const elf = load(path);
    const work = readelfSymbols(path).find((s) => s.name === "work")!;
    const target = resolveUprobeTarget(elf, `0x${(work.value + 1).toString(16)}`);
    expect(target.fileOffset).toBe(expectedOffset(path, "work") + 1);
    expect(target.symbol?.name).toBe("work");
    expect(target.description).toBe(`0x${(work.value + 1).toString(16)} (work+0x1)`);
    expect(resolveUprobeTarget(elf, work.value).address).toBe(work.value);
  });

  test("resolves addresses in a stripped file", () => {
    const p = cPrograms();
    const main = readelfSymbols(p.pie).find((s) => s.name === "main")!;
    const target = resolveUprobeTarget(load(p.stripped), main.value);
    expect(target.fileOffset).toBe(expectedOffset(p.pie, "main"));
    expect(target.symbol).toBeUndefined();
  });

  test("rejects an offset past the end of the function", () => {
    const error = elfError(() => resolveUprobeTarget(load(cPrograms().pie), "main+0x10000"));
    expect(error.kind).toBe("bad_target");
    expect(error.message).toMatch(/offset 0x10000 is past the end of 'main' \(\d+ bytes\)/);
  });

  test("rejects addresses outside executable segments", () => {
    const path = cPrograms().pie;
    const elf = load(path);
    const unmapped = elfError(() => resolveUprobeTarget(elf, "0x7fffffff"));
    expect(unmapped.kind).toBe("address_not_mapped");
    expect(unmapped.message).toContain("in no loaded segment");
    expect(unmapped.hint).toMatch(/executable ranges are 0x[0-9a-f]+\.\.0x[0-9a-f]+/);
    const data = readelfSymbols(path).find((s) => s.name === "initialized")!.value;
    expect(() => resolveUprobeTarget(elf, data)).toThrow("in a non-executable segment");
  });

  test("rejects malformed specs", () => {
    const elf = load(cPrograms().pie);
    for (const spec of ["", "+0x10", "main+", "two words", "-1"]) {
      const error = elfError(() => resolveUprobeTarget(elf, spec));
      expect([spec, error.kind, error.hint]).toEqual([
        spec,
        "bad_target",
        "write e.g. 'main', 'main+0x10' or '0x1139'",
      ]);
    }
    expect(() => resolveUprobeTarget(elf, -5)).toThrow("not a valid address");
  });

  test("passes on lookup errors: missing with suggestions, imported, not a function", () => {
    const elf = load(cPrograms().pie);
    expect(() => resolveUprobeTarget(elf, "wrok")).toThrow("did you mean 'work'?");
    expect(() => resolveUprobeTarget(elf, "printf+0x4")).toThrow("imported from libc.so.6");
    expect(() => resolveUprobeTarget(elf, "greeting")).toThrow("not a function");
  });
});

afterAll(removeCPrograms);
