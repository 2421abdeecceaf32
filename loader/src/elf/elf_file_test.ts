import { afterAll, describe, expect, test } from "bun:test";
import { ElfError } from "./elf_error.ts";
import { ElfFile, parseElf } from "./elf_file.ts";
import {
  EM_BPF,
  EM_X86_64,
  ET_DYN,
  ET_EXEC,
  ET_REL,
  PT_LOAD,
  SHT_NOBITS,
  SHT_PROGBITS,
} from "./elf_constants.ts";
import { writeElf } from "./elf_writer.ts";
import { bytesOf, cPrograms, readelfLoads, removeCPrograms, run } from "./testdata/c_programs.ts";

interface ReadelfSection {
  index: number;
  name: string;
  type: string;
  addr: number;
  offset: number;
  size: number;
  entsize: number;
  link: number;
  info: number;
  align: number;
}

function readelfSections(path: string): ReadelfSection[] {
  const out: ReadelfSection[] = [];
  for (const line of run("readelf", ["-SW", path]).split("\n")) {
    const m =
      /^\s*\[\s*(\d+)\]\s+(\S+)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]{2})\s+[A-Za-z]*\s*(\d+)\s+(\d+)\s+(\d+)\s*$/
        .exec(line);
    if (!m || m[1] === "0") continue;
    out.push({
      index: Number(m[1]),
      name: m[2]!,
      type: m[3]!,
      addr: parseInt(m[4]!, 16),
      offset: parseInt(m[5]!, 16),
      size: parseInt(m[6]!, 16),
      entsize: parseInt(m[7]!, 16),
      link: Number(m[8]),
      info: Number(m[9]),
      align: Number(m[10]),
    });
  }
  return out;
}

function elfError(fn: () => unknown): ElfError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ElfError) return error;
    throw error;
  }
  throw new Error("expected an ElfError");
}

describe("parseElf()", () => {
  test("reads the header of PIE, non-PIE, shared and relocatable files", () => {
    const p = cPrograms();
    const cases: [string, number][] = [[p.pie, ET_DYN], [p.noPie, ET_EXEC], [p.shared, ET_DYN], [
      p.object,
      ET_REL,
    ]];
    for (const [path, type] of cases) {
      const elf = parseElf(bytesOf(path), path);
      expect(elf).toBeInstanceOf(ElfFile);
      expect(elf.type).toBe(type);
      expect(elf.machine).toBe(EM_X86_64);
      expect(elf.name).toBe(path);
    }
  });

  test("reads the same section headers as readelf", () => {
    const p = cPrograms();
    for (const path of [p.pie, p.noPie, p.stripped, p.shared, p.object]) {
      const elf = parseElf(bytesOf(path), path);
      const expected = readelfSections(path);
      expect(elf.sections.length).toBe(expected.length + 1);
      for (const want of expected) {
        const got = elf.sections[want.index]!;
        expect([
          got.name,
          got.addr,
          got.offset,
          got.size,
          got.entsize,
          got.link,
          got.info,
          got.addralign,
        ])
          .toEqual([
            want.name,
            want.addr,
            want.offset,
            want.size,
            want.entsize,
            want.link,
            want.info,
            want.align,
          ]);
      }
    }
  });

  test("reads the same PT_LOAD segments as readelf", () => {
    const p = cPrograms();
    for (const path of [p.pie, p.noPie, p.shared]) {
      const loads = parseElf(bytesOf(path), path).programHeaders.filter((h) => h.type === PT_LOAD);
      expect(loads.map((h) => [h.offset, h.vaddr, h.filesz, h.memsz]))
        .toEqual(readelfLoads(path).map((l) => [l.offset, l.vaddr, l.filesz, l.memsz]));
    }
  });

  test("finds sections by name and returns their bytes without copying", () => {
    const path = cPrograms().noPie;
    const bytes = bytesOf(path);
    const elf = parseElf(bytes, path);
    const text = elf.section(".text")!;
    expect(text.type).toBe(SHT_PROGBITS);
    expect(text.data()).toHaveLength(text.size);
    expect(text.data().buffer).toBe(bytes.buffer);
    expect(Array.from(text.data().subarray(0, 4))).toEqual(
      Array.from(bytes.subarray(text.offset, text.offset + 4)),
    );
    expect(elf.section(".bss")!.type).toBe(SHT_NOBITS);
    expect(elf.section(".bss")!.data()).toHaveLength(0);
    expect(elf.section(".no_such_section")).toBeUndefined();
    expect(elf.sectionsOfType(SHT_NOBITS).map((s) => s.name)).toContain(".bss");
    expect(elf.sectionAt(text.index, "test")).toBe(text);
  });

  test("parses a file that starts inside a larger buffer", () => {
    const bytes = writeElf({
      sections: [{ name: ".text", type: SHT_PROGBITS, data: new Uint8Array(8) }],
    });
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 16);
    const elf = parseElf(padded.subarray(16), "padded");
    expect(elf.machine).toBe(EM_BPF);
    expect(elf.section(".text")!.size).toBe(8);
  });

  test("handles extended section numbering (e_shnum and e_shstrndx stored in section 0)", () => {
    const bytes = writeElf({
      sections: [{ name: ".text", type: SHT_PROGBITS, data: new Uint8Array(8) }],
    });
    const view = new DataView(bytes.buffer);
    const shoff = Number(view.getBigUint64(40, true));
    const count = view.getUint16(60, true);
    const strndx = view.getUint16(62, true);
    view.setUint16(60, 0, true);
    view.setUint16(62, 0xffff, true);
    view.setBigUint64(shoff + 32, BigInt(count), true);
    view.setUint32(shoff + 40, strndx, true);
    const elf = parseElf(bytes, "extended");
    expect(elf.sections).toHaveLength(count);
    expect(elf.header.shstrndx).toBe(strndx);
    expect(elf.section(".text")!.index).toBe(1);
  });
});

describe("parseElf() errors", () => {
  test("rejects a text file as not ELF, with a hint", () => {
    const error = elfError(() =>
      parseElf(new TextEncoder().encode("#!/bin/sh\necho hi\n"), "/bin/foo")
    );
    expect(error.kind).toBe("not_elf");
    expect(error.message).toBe(
      "'/bin/foo' is not an ELF file (bad magic) (hint: pass the path of a compiled executable, " +
        "shared library or object file)",
    );
  });

  test("rejects an empty file as not ELF", () => {
    expect(elfError(() => parseElf(new Uint8Array(0), "empty")).kind).toBe("not_elf");
  });

  test("rejects a file cut inside the ELF header as truncated", () => {
    const bytes = bytesOf(cPrograms().pie).subarray(0, 40);
    const error = elfError(() => parseElf(bytes, "cut"));
    expect(error.kind).toBe("truncated");
    expect(error.message).toMatch(/^'cut' is truncated: it has 40 bytes/);
    expect(error.message).toContain("hint:");
  });

  test("rejects a file cut before its section headers as truncated", () => {
    const bytes = bytesOf(cPrograms().pie);
    const error = elfError(() => parseElf(bytes.subarray(0, bytes.length - 100), "cut"));
    expect(error.kind).toBe("truncated");
    expect(error.message).toContain("the section header table");
  });

  test("rejects 32-bit and big-endian files as unsupported", () => {
    const bytes = bytesOf(cPrograms().pie);
    const thirtyTwo = bytes.slice();
    thirtyTwo[4] = 1;
    expect(elfError(() => parseElf(thirtyTwo, "x86")).message).toMatch(
      /^'x86' is a 32-bit ELF file; tsbpf reads only 64-bit ELF \(hint: /,
    );
    const bigEndian = bytes.slice();
    bigEndian[5] = 2;
    const error = elfError(() => parseElf(bigEndian, "s390"));
    expect(error.kind).toBe("unsupported");
    expect(error.message).toContain("is big-endian");
  });

  test("rejects a section whose contents lie outside the file", () => {
    const bytes = writeElf({
      sections: [{ name: ".text", type: SHT_PROGBITS, data: new Uint8Array(8) }],
    });
    const view = new DataView(bytes.buffer);
    const shoff = Number(view.getBigUint64(40, true));
    view.setBigUint64(shoff + 64 + 24, 1n << 40n, true);
    const error = elfError(() => parseElf(bytes, "bad.o"));
    expect(error.kind).toBe("truncated");
    expect(error.message).toContain("section '.text' (index 1)");
  });

  test("rejects a section-name table index past the last section", () => {
    const bytes = writeElf({ sections: [] });
    new DataView(bytes.buffer).setUint16(62, 200, true);
    expect(elfError(() => parseElf(bytes, "bad.o")).kind).toBe("malformed");
  });

  test("rejects an offset too large to represent instead of losing precision", () => {
    const bytes = writeElf({ sections: [] });
    new DataView(bytes.buffer).setBigUint64(40, 1n << 60n, true);
    expect(elfError(() => parseElf(bytes, "huge.o")).kind).toBe("unsupported");
  });

  test("reports a missing section index with sectionAt()", () => {
    const elf = parseElf(writeElf({ sections: [] }), "tiny.o");
    expect(() => elf.sectionAt(99, "symbol 'x'")).toThrow("symbol 'x' refers to section 99");
  });
});

afterAll(removeCPrograms);
