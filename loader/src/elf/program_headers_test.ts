import { describe, expect, test } from "bun:test";
import { ByteReader } from "./byte_reader.ts";
import { PF_R, PF_X, PT_DYNAMIC, PT_LOAD } from "./elf_constants.ts";
import {
  fileOffsetOfAddress,
  loadSegmentAt,
  type ProgramHeader,
  readProgramHeaders,
} from "./program_headers.ts";

const segment = (
  type: number,
  offset: number,
  vaddr: number,
  filesz: number,
  memsz = filesz,
): ProgramHeader => ({
  type,
  flags: PF_R | PF_X,
  offset,
  vaddr,
  paddr: vaddr,
  filesz,
  memsz,
  align: 0x1000,
});

const headers = [
  segment(PT_LOAD, 0, 0x400000, 0x1000),
  segment(PT_LOAD, 0x1000, 0x401000, 0x500),
  segment(PT_LOAD, 0x2dd0, 0x403dd0, 0x248, 0x300),
  segment(PT_DYNAMIC, 0x2de0, 0x403de0, 0x100),
];

describe("program headers", () => {
  test("fileOffsetOfAddress() subtracts the segment address and adds its offset", () => {
    expect(fileOffsetOfAddress(headers, 0x401126)).toBe(0x1126);
    expect(fileOffsetOfAddress(headers, 0x403dd8)).toBe(0x2dd8);
  });

  test("fileOffsetOfAddress() is undefined outside file-backed PT_LOAD bytes", () => {
    expect(fileOffsetOfAddress(headers, 0x10)).toBeUndefined();
    expect(fileOffsetOfAddress(headers, 0x401500)).toBeUndefined();
    expect(fileOffsetOfAddress(headers, 0x403dd0 + 0x250)).toBeUndefined();
  });

  test("loadSegmentAt() ignores segments other than PT_LOAD", () => {
    expect(loadSegmentAt(headers, 0x403de0)).toBe(headers[2]);
  });

  test("readProgramHeaders() rejects a segment that lies outside the file", () => {
    const bytes = new Uint8Array(56);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, PT_LOAD, true);
    view.setBigUint64(8, 16n, true);
    view.setBigUint64(32, 4096n, true);
    const r = new ByteReader(bytes, "p");
    expect(() => readProgramHeaders(r, { phoff: 0, phnum: 1, phentsize: 56 })).toThrow(
      "segment 0 spans bytes 16..4112",
    );
    expect(() => readProgramHeaders(r, { phoff: 0, phnum: 1, phentsize: 32 })).toThrow(
      "program headers are 32 bytes",
    );
    expect(readProgramHeaders(r, { phoff: 0, phnum: 0, phentsize: 0 })).toEqual([]);
  });
});
