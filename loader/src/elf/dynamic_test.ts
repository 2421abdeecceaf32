import { afterAll, describe, expect, test } from "bun:test";
import { parseElf } from "./elf_file.ts";
import { DT_NEEDED, DT_SONAME } from "./elf_constants.ts";
import { dynamicEntries, neededLibraries, soname } from "./dynamic.ts";
import { writeElf } from "./elf_writer.ts";
import { bytesOf, cPrograms, removeCPrograms, run } from "./testdata/c_programs.ts";

function readelfNeeded(path: string): string[] {
  return [...run("readelf", ["-dW", path]).matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)]
    .map((m) => m[1]!);
}

/** A copy of the file with its section header table removed, as `sstrip` leaves it. */
function withoutSectionHeaders(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  view.setBigUint64(40, 0n, true);
  view.setUint16(60, 0, true);
  view.setUint16(62, 0, true);
  return copy;
}

describe("dynamic section", () => {
  test("neededLibraries() matches readelf -d", () => {
    const p = cPrograms();
    for (const path of [p.pie, p.noPie, p.shared, p.usesShared]) {
      expect(neededLibraries(parseElf(bytesOf(path), path))).toEqual(readelfNeeded(path));
    }
    expect(neededLibraries(parseElf(bytesOf(p.usesShared)))).toEqual(["libdemo.so.1", "libc.so.6"]);
  });

  test("soname() reads a shared library's DT_SONAME", () => {
    const p = cPrograms();
    expect(soname(parseElf(bytesOf(p.shared)))).toBe("libdemo.so.1");
    expect(soname(parseElf(bytesOf(p.pie)))).toBeUndefined();
  });

  test("dynamicEntries() gives readelf's tags in file order, up to DT_NULL", () => {
    const p = cPrograms();
    for (const path of [p.shared, p.usesShared]) {
      const expected = [...run("readelf", ["-dW", path]).matchAll(/^\s*0x([0-9a-f]+) \((\w+)\)/gm)]
        .map((m) => parseInt(m[1]!, 16))
        .filter((tag) => tag !== 0);
      const entries = dynamicEntries(parseElf(bytesOf(path), path));
      expect(entries.map((e) => e.tag)).toEqual(expected);
      expect(entries.filter((e) => e.tag === DT_NEEDED).length).toBe(readelfNeeded(path).length);
    }
    expect(dynamicEntries(parseElf(bytesOf(p.shared))).filter((e) => e.tag === DT_SONAME))
      .toHaveLength(1);
  });

  test("works from PT_DYNAMIC when section headers are gone", () => {
    const p = cPrograms();
    const elf = parseElf(withoutSectionHeaders(bytesOf(p.usesShared)), "sstripped");
    expect(elf.sections).toHaveLength(0);
    expect(neededLibraries(elf)).toEqual(["libdemo.so.1", "libc.so.6"]);
    expect(soname(parseElf(withoutSectionHeaders(bytesOf(p.shared))))).toBe("libdemo.so.1");
  });

  test("objects without a dynamic section have no entries", () => {
    const elf = parseElf(writeElf({ sections: [] }));
    expect(dynamicEntries(elf)).toEqual([]);
    expect(neededLibraries(elf)).toEqual([]);
    expect(soname(elf)).toBeUndefined();
  });
});

afterAll(removeCPrograms);
