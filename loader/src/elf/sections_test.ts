import { describe, expect, test } from "bun:test";
import { ByteReader } from "./byte_reader.ts";
import { SHT_NOBITS, SHT_PROGBITS, SHT_STRTAB } from "./elf_constants.ts";
import { readSections } from "./sections.ts";

/**
 * Section headers at offset 64 (after an ELF header's worth of zeros) for a `.shstrtab` and the
 * given extra sections, then the names.
 */
function table(extra: { name: string; type: number; offset: number; size: number }[]) {
  const names = "\0.shstrtab\0" + extra.map((s) => s.name + "\0").join("");
  const count = 2 + extra.length;
  const namesAt = 64 + count * 64;
  const bytes = new Uint8Array(namesAt + names.length + 32);
  const view = new DataView(bytes.buffer);
  const put = (i: number, name: number, type: number, offset: number, size: number) => {
    const at = 64 + i * 64;
    view.setUint32(at, name, true);
    view.setUint32(at + 4, type, true);
    view.setBigUint64(at + 24, BigInt(offset), true);
    view.setBigUint64(at + 32, BigInt(size), true);
  };
  put(1, 1, SHT_STRTAB, namesAt, names.length);
  let nameAt = 11;
  extra.forEach((s, i) => {
    put(i + 2, nameAt, s.type, s.offset, s.size);
    nameAt += s.name.length + 1;
  });
  bytes.set(new TextEncoder().encode(names), namesAt);
  return {
    reader: new ByteReader(bytes, "t.o"),
    where: { shoff: 64, shnum: count, shentsize: 64, shstrndx: 1 },
  };
}

describe("readSections()", () => {
  test("names sections and gives views of their bytes", () => {
    const { reader, where } = table([{ name: ".text", type: SHT_PROGBITS, offset: 4, size: 8 }]);
    const sections = readSections(reader, where);
    expect(sections.map((s) => s.name)).toEqual(["", ".shstrtab", ".text"]);
    expect(sections[2]!.data().byteOffset).toBe(reader.bytes.byteOffset + 4);
    expect(sections[2]!.data()).toHaveLength(8);
  });

  test("lets SHT_NOBITS sections claim bytes the file does not have", () => {
    const { reader, where } = table([{
      name: ".bss",
      type: SHT_NOBITS,
      offset: 1 << 30,
      size: 1 << 30,
    }]);
    const bss = readSections(reader, where)[2]!;
    expect(bss.size).toBe(1 << 30);
    expect(bss.data()).toHaveLength(0);
  });

  test("rejects contents past the end of the file and bad header sizes", () => {
    const { reader, where } = table([{
      name: ".text",
      type: SHT_PROGBITS,
      offset: 4,
      size: 1 << 20,
    }]);
    expect(() => readSections(reader, where)).toThrow("section '.text' (index 2)");
    expect(() => readSections(reader, { ...where, shentsize: 40 })).toThrow(
      "section headers are 40 bytes",
    );
  });

  test("returns no sections when the file has no section header table", () => {
    const { reader } = table([]);
    expect(readSections(reader, { shoff: 0, shnum: 0, shentsize: 0, shstrndx: 0 })).toEqual([]);
  });
});
