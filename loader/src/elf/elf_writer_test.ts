import { describe, expect, test } from "bun:test";
import { execFileSync } from "node:child_process";
import process from "node:process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ElfError } from "./elf_error.ts";
import { type ElfFile, parseElf } from "./elf_file.ts";
import {
  EM_BPF,
  ET_REL,
  R_BPF_64_32,
  R_BPF_64_64,
  R_BPF_64_ABS64,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_INFO_LINK,
  SHF_WRITE,
  SHT_NOBITS,
  SHT_PROGBITS,
  SHT_REL,
  SHT_RELA,
  SHT_SYMTAB,
} from "./elf_constants.ts";
import {
  writeElf,
  type WriteElfInput,
  type WriteRelocation,
  type WriteSection,
  type WriteSymbol,
} from "./elf_writer.ts";
import { relocationsBySection } from "./relocations.ts";
import { symbolTable } from "./symbols.ts";
import { onPath, testIf } from "../../../test/support/gates.ts";

// bpftool prog load pins what it loads, so it needs bpffs at /sys/fs/bpf as well.
const bpftoolTest = testIf(existsSync("/sys/fs/bpf") && onPath("bpftool") &&
  process.getuid?.() === 0, "needs root, bpffs at /sys/fs/bpf and 'bpftool' (CI has them)");

/** One BPF instruction: opcode, dst | src << 4, offset, immediate. */
function insn(op: number, regs: number, off: number, imm: number): number[] {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  bytes[0] = op;
  bytes[1] = regs;
  view.setInt16(2, off, true);
  view.setInt32(4, imm, true);
  return Array.from(bytes);
}

const code = (n: number) => Uint8Array.from({ length: n * 8 }, (_, i) => (i * 7 + 1) & 0xff);
const PROG = "tracepoint/syscalls/sys_enter_openat";

const sample: WriteElfInput = {
  sections: [
    { name: ".text", type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, data: code(2) },
    { name: PROG, type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, data: code(6) },
    { name: ".maps", type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE, data: new Uint8Array(32) },
    {
      name: "license",
      type: SHT_PROGBITS,
      flags: SHF_ALLOC | SHF_WRITE,
      data: new TextEncoder().encode("GPL\0"),
      align: 1,
    },
    { name: ".bss", type: SHT_NOBITS, flags: SHF_ALLOC | SHF_WRITE, size: 64 },
  ],
  symbols: [
    { name: "on_openat", section: PROG, type: "FUNC", size: 48 },
    { name: "counts", section: ".maps", type: "OBJECT", size: 32 },
    { name: "helper_fn", section: ".text", type: "FUNC", size: 16, bind: "LOCAL" },
    { name: "LICENSE", section: "license", type: "OBJECT", size: 4 },
    { name: "", section: ".bss", type: "SECTION", bind: "LOCAL" },
    {
      name: "hidden_global",
      section: ".bss",
      value: 8,
      size: 8,
      type: "OBJECT",
      visibility: "HIDDEN",
    },
    { name: "extern_fn", type: "FUNC" },
  ],
  relocations: {
    [PROG]: [
      { offset: 0, type: R_BPF_64_64, symbol: "counts" },
      { offset: 16, type: R_BPF_64_64, symbol: 4 },
      { offset: 32, type: R_BPF_64_32, symbol: "helper_fn" },
      { offset: 40, type: R_BPF_64_32, symbol: "extern_fn" },
    ],
    ".maps": [{ offset: 8, type: R_BPF_64_ABS64, symbol: "LICENSE" }],
  },
};

/** What a parsed file says, in the writer's terms, to compare with the writer's input. */
function described(elf: ElfFile) {
  const sectionName = (index: number) => (index === 0 ? undefined : elf.sections[index]!.name);
  return {
    sections: elf.sections.filter((s) =>
      s.index > 0 && s.type !== SHT_REL && s.type !== SHT_RELA &&
      ![".symtab", ".strtab", ".shstrtab"].includes(s.name)
    ).map((s) => ({
      name: s.name,
      type: s.type,
      flags: s.flags,
      data: Array.from(s.data()),
      size: s.size,
    })),
    symbols: symbolTable(elf, "symtab").slice(1).map((s) => ({
      name: s.name,
      section: sectionName(s.sectionIndex),
      value: s.value,
      size: s.size,
      type: s.type,
      bind: s.bind,
      visibility: s.visibility,
    })),
    relocations: Object.fromEntries([...relocationsBySection(elf).values()].map((g) => [
      g.target.name,
      g.relocations.map((r) => ({
        offset: r.offset,
        type: r.type,
        symbol: r.symbol?.name,
        addend: r.addend,
      })),
    ])),
  };
}

function expectedFrom(input: WriteElfInput) {
  const symbols = input.symbols ?? [];
  const normal = (s: WriteSymbol) => ({
    name: s.name,
    section: typeof s.section === "number" ? input.sections[s.section - 1]?.name : s.section,
    value: s.value ?? 0,
    size: s.size ?? 0,
    type: s.type ?? "NOTYPE",
    bind: s.bind ?? "GLOBAL",
    visibility: s.visibility ?? "DEFAULT",
  });
  const nameOf = (r: WriteRelocation) =>
    typeof r.symbol === "number" ? symbols[r.symbol]!.name : r.symbol;
  return {
    sections: input.sections.map((s: WriteSection) => ({
      name: s.name,
      type: s.type,
      flags: s.flags ?? 0,
      data: s.type === SHT_NOBITS ? [] : Array.from(s.data ?? []),
      size: s.type === SHT_NOBITS ? s.size ?? 0 : s.data?.length ?? 0,
    })),
    symbols: [
      ...symbols.filter((s) => s.bind === "LOCAL"),
      ...symbols.filter((s) => s.bind !== "LOCAL"),
    ].map(normal),
    relocations: Object.fromEntries(
      input.sections.filter((s) => input.relocations?.[s.name]).map((s) => [
        s.name,
        input.relocations![s.name]!.map((r) => ({
          offset: r.offset,
          type: r.type,
          symbol: nameOf(r),
          addend: input.rela ? r.addend ?? 0 : undefined,
        })),
      ]),
    ),
  };
}

function withTempFile<T>(bytes: Uint8Array, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-elf-writer-"));
  try {
    const path = join(dir, "out.o");
    writeFileSync(path, bytes);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("writeElf()", () => {
  test("round-trips sections, symbols and relocations through parseElf", () => {
    const elf = parseElf(writeElf(sample), "sample.o");
    expect(elf.type).toBe(ET_REL);
    expect(elf.machine).toBe(EM_BPF);
    expect(described(elf)).toEqual(expectedFrom(sample));
  });

  test("round-trips .rela sections with addends, negative ones included", () => {
    const input: WriteElfInput = {
      ...sample,
      rela: true,
      relocations: {
        [PROG]: [{ offset: 0, type: R_BPF_64_64, symbol: "counts", addend: -8 }, {
          offset: 16,
          type: 1,
          symbol: "counts",
          addend: 1 << 40,
        }],
      },
    };
    const elf = parseElf(writeElf(input));
    expect(elf.section(".rela" + PROG)!.type).toBe(SHT_RELA);
    expect(described(elf)).toEqual(expectedFrom(input));
  });

  test("is deterministic, whatever order the relocation lists are given in", () => {
    const reordered = {
      ...sample,
      relocations: { ".maps": sample.relocations![".maps"]!, [PROG]: sample.relocations![PROG]! },
    };
    expect(writeElf(sample)).toEqual(writeElf(sample));
    expect(writeElf(reordered)).toEqual(writeElf(sample));
  });

  test("puts local symbols first and records the first global in .symtab's sh_info", () => {
    const elf = parseElf(writeElf(sample));
    const symtab = elf.sectionsOfType(SHT_SYMTAB)[0]!;
    const binds = symbolTable(elf, "symtab").map((s) => s.bind);
    expect(binds.slice(0, symtab.info)).toEqual(["LOCAL", "LOCAL", "LOCAL"]);
    expect(binds.slice(symtab.info).every((b) => b !== "LOCAL")).toBe(true);
    expect(elf.sections[symtab.link]!.name).toBe(".strtab");
  });

  test("aligns sections and links relocation sections to their targets", () => {
    const elf = parseElf(writeElf(sample));
    for (const s of elf.sections.slice(1)) expect(s.offset % Math.max(1, s.addralign)).toBe(0);
    expect(elf.section(".bss")!.size).toBe(64);
    const rel = elf.section(".rel" + PROG)!;
    expect([
      rel.type,
      rel.flags,
      rel.entsize,
      elf.sections[rel.info]!.name,
      elf.sections[rel.link]!.name,
    ])
      .toEqual([SHT_REL, SHF_INFO_LINK, 16, PROG, ".symtab"]);
    expect(elf.sections.map((s) => s.name).slice(-3)).toEqual([".symtab", ".strtab", ".shstrtab"]);
  });

  test("resolves section link and info given by name or index", () => {
    const elf = parseElf(writeElf({
      sections: [
        { name: ".a", type: SHT_PROGBITS, data: new Uint8Array(4) },
        { name: ".b", type: SHT_PROGBITS, link: ".a", info: ".symtab", data: new Uint8Array(4) },
        { name: ".c", type: SHT_PROGBITS, link: 2 },
      ],
    }));
    expect([
      elf.section(".b")!.link,
      elf.sections[elf.section(".b")!.info]!.name,
      elf.section(".c")!.link,
    ]).toEqual([1, ".symtab", 2]);
  });

  test("treats section names like 'constructor' as plain names", () => {
    const elf = parseElf(writeElf({ sections: [{ name: "constructor", type: SHT_PROGBITS }] }));
    expect(elf.section("constructor")!.index).toBe(1);
    expect(elf.sectionsOfType(SHT_REL)).toHaveLength(0);
  });

  test("writes an empty object with just the symbol and string tables", () => {
    const elf = parseElf(writeElf({ sections: [] }));
    expect(elf.sections.map((s) => s.name)).toEqual(["", ".symtab", ".strtab", ".shstrtab"]);
    expect(symbolTable(elf, "symtab")).toHaveLength(1);
  });

  test("rebuilds an LLVM-built BPF object that parses the same", () => {
    const original = parseElf(
      new Uint8Array(readFileSync(new URL("./testdata/llvm_bpf_object.o", import.meta.url))),
    );
    const own = (s: { type: number; name: string }) =>
      s.type !== SHT_REL && s.type !== SHT_RELA &&
      ![".symtab", ".strtab", ".shstrtab", ""].includes(s.name);
    const sections = original.sections.filter(own);
    const symbols = symbolTable(original, "symtab").slice(1);
    const input: WriteElfInput = {
      sections: sections.map((s) => ({
        name: s.name,
        type: s.type,
        flags: s.flags,
        data: s.data(),
        align: s.addralign,
        entsize: s.entsize,
      })),
      symbols: symbols.map((s) => ({
        name: s.name,
        section: original.sections[s.sectionIndex]!.name,
        value: s.value,
        size: s.size,
        type: s.type as Exclude<typeof s.type, "OTHER">,
        bind: s.bind as Exclude<typeof s.bind, "OTHER">,
        visibility: s.visibility,
      })),
      relocations: Object.fromEntries([...relocationsBySection(original).values()].map((g) => [
        g.target.name,
        g.relocations.map((r) => ({ offset: r.offset, type: r.type, symbol: r.symbolIndex - 1 })),
      ])),
    };
    const rebuilt = parseElf(writeElf(input));
    expect(described(rebuilt)).toEqual(described(original));
  });

  test("produces a file binutils readelf reads without complaint", () => {
    withTempFile(writeElf(sample), (path) => {
      const result = execFileSync("readelf", ["-a", "-W", path], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      expect(result).toContain("Machine:                           Linux BPF");
      expect(result).toContain("REL (Relocatable file)");
      expect(result).not.toMatch(/warning|error/i);
      // Symbol 4 is `counts` (the null symbol and two locals come first), relocation type 1.
      expect(result).toMatch(/^0000000000000000\s+0000000400000001 /m);
    });
  });
});

bpftoolTest(
  "bpftool (libbpf) loads a written object with global data and a BPF-to-BPF call",
  () => {
    const prog = Uint8Array.from([
      ...insn(0x18, 0x06, 0, 0),
      ...insn(0, 0, 0, 0), // r6 = .rodata ll
      ...insn(0x61, 0x60, 0, 0), // r0 = *(u32 *)(r6 + 0)
      ...insn(0x85, 0x10, 0, -1), // call sub
      ...insn(0x95, 0, 0, 0), // exit
    ]);
    const sub = Uint8Array.from([...insn(0xb7, 0, 0, 7), ...insn(0x95, 0, 0, 0)]); // r0 = 7; exit
    const bytes = writeElf({
      sections: [
        { name: ".text", type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, data: sub },
        { name: "socket", type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, data: prog },
        {
          name: ".rodata",
          type: SHT_PROGBITS,
          flags: SHF_ALLOC,
          data: Uint8Array.from([42, 0, 0, 0]),
        },
        {
          name: "license",
          type: SHT_PROGBITS,
          flags: SHF_ALLOC | SHF_WRITE,
          data: new TextEncoder().encode("GPL\0"),
          align: 1,
        },
      ],
      symbols: [
        { name: "", section: ".rodata", type: "SECTION", bind: "LOCAL" },
        { name: "sub", section: ".text", type: "FUNC", size: sub.length, bind: "LOCAL" },
        { name: "prog", section: "socket", type: "FUNC", size: prog.length },
        { name: "_license", section: "license", type: "OBJECT", size: 4 },
      ],
      relocations: {
        socket: [{ offset: 0, type: R_BPF_64_64, symbol: 0 }, {
          offset: 24,
          type: R_BPF_64_32,
          symbol: "sub",
        }],
      },
    });
    withTempFile(bytes, (path) => {
      const pin = `/sys/fs/bpf/tsbpf_elf_writer_${process.pid}`;
      try {
        execFileSync("bpftool", ["prog", "load", path, pin], { stdio: ["ignore", "pipe", "pipe"] });
        const xlated = execFileSync("bpftool", ["prog", "dump", "xlated", "pinned", pin], {
          encoding: "utf8",
        });
        expect(xlated).toMatch(/r6 = map\[id:\d+\]\[0\]\+0/);
        expect(xlated).toContain("call pc+1");
      } finally {
        rmSync(pin, { force: true });
      }
    });
  },
);

describe("writeElf() errors", () => {
  const base: WriteElfInput = {
    sections: [{ name: ".text", type: SHT_PROGBITS, data: new Uint8Array(16) }],
    symbols: [{ name: "f", section: ".text", type: "FUNC" }, { name: "dup" }, { name: "dup" }],
  };
  const cases: [string, WriteElfInput, string][] = [
    ["relocations for a missing section", {
      ...base,
      relocations: { ".nope": [{ offset: 0, type: 1 }] },
    }, "relocations are listed for '.nope'"],
    ["an unknown symbol", {
      ...base,
      relocations: { ".text": [{ offset: 0, type: 1, symbol: "g" }] },
    }, "names symbol 'g', which is not among the symbols"],
    ["a shared symbol name", {
      ...base,
      relocations: { ".text": [{ offset: 0, type: 1, symbol: "dup" }] },
    }, "names 'dup', which several symbols share"],
    ["a symbol position out of range", {
      ...base,
      relocations: { ".text": [{ offset: 0, type: 1, symbol: 9 }] },
    }, "names symbol #9, but there are 3"],
    ["an addend in a .rel section", {
      ...base,
      relocations: { ".text": [{ offset: 0, type: 1, addend: 4 }] },
    }, "has an addend, but .rel sections cannot hold one"],
    [
      "an offset past the section",
      { ...base, relocations: { ".text": [{ offset: 16, type: 1 }] } },
      "is at offset 16, past the section's 16 bytes",
    ],
    [
      "a generated section given",
      { sections: [{ name: ".symtab", type: SHT_PROGBITS }] },
      "section '.symtab' is generated by the writer",
    ],
    [
      "a bad alignment",
      { sections: [{ name: ".text", type: SHT_PROGBITS, align: 3 }] },
      "has alignment 3, not a power of two",
    ],
    ["a link to a missing section", {
      sections: [{ name: ".text", type: SHT_PROGBITS, link: ".x" }],
    }, "refers to section '.x', which does not exist"],
    [
      "a symbol in a missing section",
      { sections: [], symbols: [{ name: "s", section: ".x" }] },
      "symbol 's' refers to section '.x'",
    ],
    [
      "a NUL in a name",
      { sections: [{ name: "a\0b", type: SHT_PROGBITS }] },
      "has a NUL character in its name",
    ],
    [
      "a negative value",
      { sections: [], symbols: [{ name: "s", value: -1 }] },
      "the value of symbol 's' is -1",
    ],
    [
      "relocations for a name two sections share",
      {
        sections: [{ name: ".t", type: SHT_PROGBITS }, { name: ".t", type: SHT_PROGBITS }],
        relocations: { ".t": [{ offset: 0, type: 1 }] },
      },
      "relocations are listed for '.t', a name several sections share",
    ],
    ["a machine number above 16 bits", { sections: [], machine: 70000 }, "e_machine is 70000"],
    [
      "a relocation type above 32 bits",
      { ...base, relocations: { ".text": [{ offset: 0, type: 2 ** 32 }] } },
      "the type of relocation 0 of '.text' is 4294967296, above its maximum",
    ],
  ];
  for (const [what, input, message] of cases) {
    test(`rejects ${what}`, () => {
      let error: unknown;
      try {
        writeElf({ ...input, name: "out.o" });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ElfError);
      expect((error as ElfError).kind).toBe("invalid_input");
      expect((error as ElfError).message).toMatch(/^'out\.o' cannot be written: /);
      expect((error as ElfError).message).toContain(message);
    });
  }
});
