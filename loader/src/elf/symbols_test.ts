import { afterAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { parseElf } from "./elf_file.ts";
import { SHN_ABS, SHT_DYNSYM, SHT_SYMTAB } from "./elf_constants.ts";
import {
  definedFunctions,
  findSymbols,
  isDefined,
  isStripped,
  readSymbolTable,
  symbolTable,
} from "./symbols.ts";
import { bytesOf, cPrograms, readelfSymbols, removeCPrograms, run } from "./testdata/c_programs.ts";

const llvmObject = () =>
  parseElf(
    new Uint8Array(readFileSync(new URL("./testdata/llvm_bpf_object.o", import.meta.url))),
    "llvm_bpf_object.o",
  );

function ndxOf(ndx: string): number {
  if (ndx === "UND") return 0;
  if (ndx === "ABS") return SHN_ABS;
  return Number(ndx);
}

describe("symbolTable()", () => {
  test("reads .symtab and .dynsym like readelf -s", () => {
    const p = cPrograms();
    for (const path of [p.pie, p.noPie, p.shared, p.object]) {
      const elf = parseElf(bytesOf(path), path);
      for (const [kind, tableName] of [["symtab", ".symtab"], ["dynsym", ".dynsym"]] as const) {
        const expected = readelfSymbols(path).filter((s) => s.table === tableName);
        const got = symbolTable(elf, kind);
        expect(got).toHaveLength(expected.length);
        for (const want of expected) {
          const s = got[want.index]!;
          // readelf appends the bound version to .dynsym names ("printf@GLIBC_2.2.5").
          // It also prints the section's name for section symbols, whose own name is empty.
          let name = kind === "dynsym" ? want.name.replace(/@.*$/, "") : want.name;
          if (want.type === "SECTION") {
            expect(elf.sections[s.sectionIndex]!.name).toBe(name);
            name = "";
          }
          const type = want.type === "IFUNC" ? "GNU_IFUNC" : want.type;
          expect([s.name, s.value, s.size, s.type, s.bind, s.visibility, s.sectionIndex, s.table])
            .toEqual([
              name,
              want.value,
              want.size,
              type,
              want.bind,
              want.visibility,
              ndxOf(want.ndx),
              kind,
            ]);
        }
      }
    }
  });

  test("returns an empty list when the table is missing", () => {
    const path = cPrograms().stripped;
    const elf = parseElf(bytesOf(path), path);
    expect(symbolTable(elf, "symtab")).toEqual([]);
    expect(symbolTable(elf, "dynsym").length).toBeGreaterThan(0);
  });

  test("reads an LLVM-built BPF object's symbols", () => {
    const elf = llvmObject();
    const symbols = symbolTable(elf, "symtab");
    expect(symbols.map((s) => s.name)).toEqual([
      "",
      "message",
      "",
      "ptr64",
      "on_openat",
      "counts",
      "helper_fn",
      "LICENSE",
    ]);
    const onOpenat = symbols[4]!;
    expect([onOpenat.type, onOpenat.bind, onOpenat.size]).toEqual(["FUNC", "GLOBAL", 72]);
    expect(elf.sections[onOpenat.sectionIndex]!.name).toBe("tracepoint/syscalls/sys_enter_openat");
    expect(symbols[2]!.type).toBe("SECTION");
    expect(elf.sections[symbols[2]!.sectionIndex]!.name).toBe(".rodata.str1.1");
  });

  test("caches each table", () => {
    const elf = llvmObject();
    const section = elf.sectionsOfType(SHT_SYMTAB)[0]!;
    expect(readSymbolTable(elf, section)).toBe(readSymbolTable(elf, section));
  });
});

describe("symbol queries", () => {
  test("isStripped() is true only without .symtab", () => {
    const p = cPrograms();
    expect(isStripped(parseElf(bytesOf(p.stripped)))).toBe(true);
    expect(isStripped(parseElf(bytesOf(p.pie)))).toBe(false);
  });

  test("findSymbols() finds a name in both tables, defined or imported", () => {
    const path = cPrograms().pie;
    const elf = parseElf(bytesOf(path), path);
    expect(findSymbols(elf, "main").filter(isDefined)).toHaveLength(1);
    const printf = findSymbols(elf, "printf");
    expect(printf.length).toBeGreaterThan(0);
    expect(printf.every((s) => !isDefined(s) && s.table === "dynsym")).toBe(true);
    expect(findSymbols(elf, "twin")).toHaveLength(2);
  });

  test("definedFunctions() lists each defined function once, as readelf shows them", () => {
    const p = cPrograms();
    for (const path of [p.pie, p.shared, p.stripped]) {
      const elf = parseElf(bytesOf(path), path);
      const functions = definedFunctions(elf);
      const expected = new Set(
        readelfSymbols(path)
          .filter((s) => (s.type === "FUNC" || s.type === "IFUNC") && s.ndx !== "UND")
          .map((s) => `${s.name.replace(/@.*$/, "")}@${s.value}`),
      );
      const got = functions.map((f) => `${f.name}@${f.value}`);
      expect(new Set(got).size).toBe(got.length);
      expect(got.slice().sort()).toEqual([...expected].sort());
      for (let i = 1; i < functions.length; i++) {
        expect(functions[i]!.value).toBeGreaterThanOrEqual(functions[i - 1]!.value);
      }
    }
  });

  test("definedFunctions() agrees with nm on the text symbols of an executable", () => {
    const path = cPrograms().noPie;
    const nm = run("nm", ["--defined-only", path]).split("\n")
      .map((line) => /^([0-9a-f]+) [Tti] (\S+)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => `${m[2]}@${parseInt(m[1]!, 16)}`);
    const got = definedFunctions(parseElf(bytesOf(path), path)).map((f) => `${f.name}@${f.value}`);
    expect(got.slice().sort()).toEqual(nm.sort());
  });

  test("definedFunctions() prefers the .symtab entry over the .dynsym one", () => {
    const path = cPrograms().shared;
    const elf = parseElf(bytesOf(path), path);
    const add = definedFunctions(elf).find((f) => f.name === "lib_add")!;
    expect(add.table).toBe("symtab");
    expect(elf.sections.some((s) => s.type === SHT_DYNSYM)).toBe(true);
  });
});

afterAll(removeCPrograms);
