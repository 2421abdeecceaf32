import { afterAll, describe, expect, test } from "bun:test";
import { parseElf } from "./elf_file.ts";
import { importedVersion, neededVersions } from "./symbol_versions.ts";
import { findSymbols, symbolTable } from "./symbols.ts";
import { writeElf } from "./elf_writer.ts";
import { bytesOf, cPrograms, removeCPrograms, run } from "./testdata/c_programs.ts";

describe("symbol versions", () => {
  test("neededVersions() lists the versions readelf -V shows", () => {
    const path = cPrograms().pie;
    const got = [...neededVersions(parseElf(bytesOf(path), path)).values()]
      .map((v) => `${v.file}:${v.version}`).sort();
    const expected: string[] = [];
    let file = "";
    for (const line of run("readelf", ["-VW", path]).split("\n")) {
      const f = /File: (\S+)/.exec(line);
      if (f) file = f[1]!;
      const v = /Name: (\S+)\s+Flags/.exec(line);
      if (v) expected.push(`${file}:${v[1]}`);
    }
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(expected.sort());
  });

  test("importedVersion() names the library and version of an import from either table", () => {
    const path = cPrograms().pie;
    const elf = parseElf(bytesOf(path), path);
    const dynamic = findSymbols(elf, "printf").find((s) => s.table === "dynsym")!;
    expect(importedVersion(elf, dynamic)).toEqual({ file: "libc.so.6", version: "GLIBC_2.2.5" });
    const fromSymtab = symbolTable(elf, "symtab").find((s) => s.name.startsWith("printf"))!;
    expect(importedVersion(elf, fromSymtab)?.file).toBe("libc.so.6");
  });

  test("importedVersion() is undefined for defined and unversioned symbols", () => {
    const p = cPrograms();
    const pie = parseElf(bytesOf(p.pie), p.pie);
    expect(importedVersion(pie, findSymbols(pie, "main")[0]!)).toBeUndefined();
    const usesLib = parseElf(bytesOf(p.usesShared), p.usesShared);
    const libAdd = findSymbols(usesLib, "lib_add").find((s) => s.table === "dynsym")!;
    expect(importedVersion(usesLib, libAdd)).toBeUndefined();
  });

  test("files without version sections have no needed versions", () => {
    expect(neededVersions(parseElf(writeElf({ sections: [] })))).toEqual(new Map());
  });
});

afterAll(removeCPrograms);
