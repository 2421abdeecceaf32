import { afterAll, describe, expect, test } from "bun:test";
import { ElfError } from "./elf_error.ts";
import { parseElf } from "./elf_file.ts";
import { lookupFunction, lookupSymbol } from "./symbol_lookup.ts";
import { bytesOf, cPrograms, removeCPrograms } from "./testdata/c_programs.ts";

function elfError(fn: () => unknown): ElfError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ElfError) return error;
    throw error;
  }
  throw new Error("expected an ElfError");
}

const load = (path: string) => parseElf(bytesOf(path), path);

describe("lookupSymbol()", () => {
  test("finds functions and data defined in the file", () => {
    const elf = load(cPrograms().pie);
    expect(lookupSymbol(elf, "main").type).toBe("FUNC");
    expect(lookupSymbol(elf, "counter").type).toBe("OBJECT");
  });

  test("suggests close names for a misspelt symbol", () => {
    const path = cPrograms().pie;
    const error = elfError(() => lookupSymbol(load(path), "mian"));
    expect(error.kind).toBe("symbol_not_found");
    expect(error.message.startsWith(
      `'${path}' has no symbol 'mian' in .symtab or .dynsym (did you mean 'main'?) (hint: `,
    )).toBe(true);
  });

  test("says a stripped file has no .symtab and how to get symbols back", () => {
    const path = cPrograms().stripped;
    const error = elfError(() => lookupSymbol(load(path), "work"));
    expect(error.kind).toBe("symbol_not_found");
    expect(error.message).toContain("it is stripped (no .symtab)");
    expect(error.message).toContain("it exports none");
    expect(error.hint).toContain("debug symbols");
  });

  test("names the library and version an imported symbol comes from", () => {
    const path = cPrograms().pie;
    const error = elfError(() => lookupSymbol(load(path), "printf"));
    expect(error.kind).toBe("symbol_undefined");
    expect(error.message).toBe(
      `'${path}' does not define 'printf': it is imported from libc.so.6 (version GLIBC_2.2.5) ` +
        "(hint: attach the uprobe to libc.so.6 instead " +
        "(its path is in /proc/<pid>/maps or 'ldd' output))",
    );
  });

  test("lists DT_NEEDED libraries for an unversioned import", () => {
    const error = elfError(() => lookupSymbol(load(cPrograms().usesShared), "lib_add"));
    expect(error.kind).toBe("symbol_undefined");
    expect(error.message).toContain(
      "it is imported from one of its libraries: libdemo.so.1, libc.so.6",
    );
  });

  test("refuses a name that several static functions share", () => {
    const error = elfError(() => lookupSymbol(load(cPrograms().pie), "twin"));
    expect(error.kind).toBe("symbol_ambiguous");
    expect(error.message).toMatch(
      /has 2 symbols named 'twin' at different addresses \(0x[0-9a-f]+, 0x[0-9a-f]+\)/,
    );
  });
});

describe("lookupFunction()", () => {
  test("returns functions", () => {
    const p = cPrograms();
    expect(lookupFunction(load(p.pie), "work").name).toBe("work");
    expect(lookupFunction(load(p.shared), "lib_add").size).toBeGreaterThan(0);
  });

  test("rejects data symbols with a hint", () => {
    const path = cPrograms().pie;
    const error = elfError(() => lookupFunction(load(path), "counter"));
    expect(error.kind).toBe("not_a_function");
    expect(error.message).toBe(
      `'${path}' has 'counter' as a symbol of type OBJECT in '.bss', not a function ` +
        "(hint: uprobes fire when code runs: probe a function that uses this data instead)",
    );
  });

  test("explains that a GNU indirect function's address is its resolver", () => {
    const path = cPrograms().pie;
    const error = elfError(() => lookupFunction(load(path), "fast_sum"));
    expect(error.kind).toBe("not_a_function");
    expect(error.message).toContain("has 'fast_sum' as a GNU indirect function");
    expect(error.hint).toBe(
      "probe an implementation instead: 'fast_sum_avx2' or 'fast_sum_generic'",
    );
  });
});

afterAll(removeCPrograms);
