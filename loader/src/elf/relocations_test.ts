import { afterAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { ElfError } from "./elf_error.ts";
import { parseElf } from "./elf_file.ts";
import {
  R_BPF_64_32,
  R_BPF_64_64,
  R_BPF_64_ABS32,
  R_BPF_64_ABS64,
  R_BPF_64_NODYLD32,
  SHT_PROGBITS,
  SHT_RELA,
} from "./elf_constants.ts";
import { bpfRelocationTypeName, readRelocations, relocationsBySection } from "./relocations.ts";
import { writeElf } from "./elf_writer.ts";
import { bytesOf, cPrograms, removeCPrograms, run } from "./testdata/c_programs.ts";

const llvmObject = () =>
  parseElf(
    new Uint8Array(readFileSync(new URL("./testdata/llvm_bpf_object.o", import.meta.url))),
    "llvm_bpf_object.o",
  );

interface ReadelfRela {
  section: string;
  offset: number;
  symbolIndex: number;
  type: number;
  addend: number;
}

function readelfRelocations(path: string): ReadelfRela[] {
  const out: ReadelfRela[] = [];
  let section = "";
  for (const line of run("readelf", ["-rW", path]).split("\n")) {
    const header = /^Relocation section '([^']+)'/.exec(line);
    if (header) section = header[1]!;
    const m =
      /^([0-9a-f]{16})\s+([0-9a-f]{8})([0-9a-f]{8})\s+\S+\s+(?:\S+\s+\S*\s+([+-])\s+([0-9a-f]+)|([0-9a-f]+))\s*$/
        .exec(line);
    if (!m) continue;
    const addend = m[6] !== undefined
      ? parseInt(m[6], 16)
      : (m[4] === "-" ? -1 : 1) * parseInt(m[5]!, 16);
    out.push({
      section,
      offset: parseInt(m[1]!, 16),
      symbolIndex: parseInt(m[2]!, 16),
      type: parseInt(m[3]!, 16),
      addend,
    });
  }
  return out;
}

describe("readRelocations()", () => {
  test("decodes .rela sections of x86-64 objects and executables like readelf -r", () => {
    const p = cPrograms();
    for (const path of [p.object, p.pie, p.shared]) {
      const elf = parseElf(bytesOf(path), path);
      const expected = readelfRelocations(path);
      const got = elf.sectionsOfType(SHT_RELA).flatMap((section) =>
        readRelocations(elf, section).map((r) => ({
          section: section.name,
          offset: r.offset,
          symbolIndex: r.symbolIndex,
          type: r.type,
          addend: r.addend!,
        }))
      );
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(expected);
    }
  });

  test("resolves each entry's symbol through the linked table", () => {
    const path = cPrograms().object;
    const elf = parseElf(bytesOf(path), path);
    const text = readRelocations(elf, elf.section(".rela.text")!);
    const names = text.map((r) => r.symbol?.name);
    expect(names).toContain("printf");
    expect(names).toContain("work");
    expect(text.every((r) => r.symbol === undefined || r.symbol.index === r.symbolIndex)).toBe(
      true,
    );
  });

  test("decodes the .rel sections of an LLVM-built BPF object", () => {
    const elf = llvmObject();
    const code = readRelocations(elf, elf.section(".reltracepoint/syscalls/sys_enter_openat")!);
    expect(code.map((r) => [r.offset, r.type, r.symbol?.name, r.addend])).toEqual([
      [0, R_BPF_64_64, "counts", undefined],
      [0x20, R_BPF_64_64, "", undefined],
      [0x30, R_BPF_64_32, "helper_fn", undefined],
    ]);
    expect(code[1]!.symbol!.type).toBe("SECTION");
    const data = readRelocations(elf, elf.section(".rel.data.ptrs")!);
    expect(data.map((r) => [r.offset, r.type, r.symbol?.name])).toEqual([
      [0, R_BPF_64_ABS64, "counts"],
      [8, R_BPF_64_NODYLD32, "LICENSE"],
    ]);
  });

  test("rejects a section that holds no relocations", () => {
    const elf = llvmObject();
    expect(() => readRelocations(elf, elf.section(".maps")!)).toThrow(ElfError);
    expect(() => readRelocations(elf, elf.section(".maps")!)).toThrow(
      "has no relocations in section '.maps'",
    );
  });

  test("rejects an entry naming a symbol past the end of the table", () => {
    const bytes = writeElf({
      sections: [{ name: ".text", type: SHT_PROGBITS, data: new Uint8Array(16) }],
      symbols: [{ name: "x", section: ".text" }],
      relocations: { ".text": [{ offset: 0, type: R_BPF_64_64, symbol: "x" }] },
    });
    const elf = parseElf(bytes, "bad.o");
    const rel = elf.section(".rel.text")!;
    new DataView(bytes.buffer).setUint32(rel.offset + 12, 99, true);
    expect(() => readRelocations(parseElf(bytes, "bad.o"), rel)).toThrow(
      "names symbol 99, but the table has 2",
    );
  });
});

describe("relocationsBySection()", () => {
  test("groups relocations by the section they patch", () => {
    const groups = relocationsBySection(llvmObject());
    expect(
      [...groups.values()].map((g) => [
        g.target.name,
        g.sources.map((s) => s.name),
        g.relocations.length,
      ]),
    )
      .toEqual([
        ["tracepoint/syscalls/sys_enter_openat", [".reltracepoint/syscalls/sys_enter_openat"], 3],
        [".data.ptrs", [".rel.data.ptrs"], 2],
      ]);
    const [first] = groups.keys();
    expect(first).toBe(3);
  });

  test("puts dynamic relocations (sh_info 0) under the null section", () => {
    const path = cPrograms().pie;
    const groups = relocationsBySection(parseElf(bytesOf(path), path));
    const dynamic = groups.get(0)!;
    expect(dynamic.target.index).toBe(0);
    expect(dynamic.sources.map((s) => s.name)).toContain(".rela.dyn");
  });
});

test("bpfRelocationTypeName() names the BPF relocation types", () => {
  expect(
    [R_BPF_64_64, R_BPF_64_ABS64, R_BPF_64_ABS32, R_BPF_64_NODYLD32, R_BPF_64_32, 0].map(
      bpfRelocationTypeName,
    ),
  )
    .toEqual([
      "R_BPF_64_64",
      "R_BPF_64_ABS64",
      "R_BPF_64_ABS32",
      "R_BPF_64_NODYLD32",
      "R_BPF_64_32",
      "R_BPF_NONE",
    ]);
  expect(bpfRelocationTypeName(77)).toBe("R_BPF_77");
});

afterAll(removeCPrograms);
