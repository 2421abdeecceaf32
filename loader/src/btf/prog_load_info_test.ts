import { describe, expect, test } from "bun:test";
import type { BtfLineInfo } from "./btf_ext.ts";
import { progLoadFuncInfo, progLoadLineInfo } from "./prog_load_info.ts";

const words = (bytes: Uint8Array) => Array.from(new Uint32Array(bytes.slice().buffer));

describe("BPF_PROG_LOAD info arrays", () => {
  test("func info turns byte offsets into instruction indexes, 8 bytes per record", () => {
    const bytes = progLoadFuncInfo([{ insnOff: 0, typeId: 3 }, { insnOff: 96, typeId: 7 }]);
    expect(bytes).toHaveLength(16);
    expect(words(bytes)).toEqual([0, 3, 12, 7]);
  });

  test("line info keeps strings and packs line << 10 | column, 16 bytes per record", () => {
    const records: BtfLineInfo[] = [
      { insnOff: 0, fileNameOff: 1, lineOff: 10, line: 12, column: 3 },
      { insnOff: 16, fileNameOff: 1, lineOff: 20, line: 13, column: 1 },
    ];
    const bytes = progLoadLineInfo(records);
    expect(bytes).toHaveLength(32);
    expect(words(bytes)).toEqual([0, 1, 10, 12 << 10 | 3, 2, 1, 20, 13 << 10 | 1]);
  });

  test("takes one program's slice of its section and shifts it", () => {
    const records = [{ insnOff: 0, typeId: 1 }, { insnOff: 80, typeId: 2 }, { insnOff: 160, typeId: 3 }];
    expect(words(progLoadFuncInfo(records, { startByte: 80, endByte: 160 }))).toEqual([0, 2]);
    expect(words(progLoadFuncInfo(records, { startByte: 160, insnShift: 40 }))).toEqual([40, 3]);
  });

  test("rejects offsets off an instruction boundary or out of order", () => {
    expect(() => progLoadFuncInfo([{ insnOff: 12, typeId: 1 }])).toThrow("not on an instruction boundary");
    expect(() => progLoadFuncInfo([{ insnOff: 8, typeId: 1 }, { insnOff: 8, typeId: 2 }]))
      .toThrow("not in increasing instruction order (1 after 1)");
  });
});
