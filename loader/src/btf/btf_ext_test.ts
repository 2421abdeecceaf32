import { describe, expect, test } from "bun:test";
import { BtfBuilder } from "./btf_builder.ts";
import { type BtfExt, decodeBtfExt, encodeBtfExt } from "./btf_ext.ts";
import { parseBtf } from "./btf_parser.ts";

function sampleExt(b: BtfBuilder): BtfExt {
  const file = b.addString("probe.ts");
  const line1 = b.addString("started.set(tid(), ktimeNs());");
  const line2 = b.addString("return 0;");
  return {
    funcInfo: [
      { section: "tracepoint/syscalls/sys_enter_openat", records: [{ insnOff: 0, typeId: 3 }] },
      { section: ".text", records: [{ insnOff: 0, typeId: 5 }, { insnOff: 64, typeId: 6 }] },
    ],
    lineInfo: [
      { section: "tracepoint/syscalls/sys_enter_openat", records: [
        { insnOff: 0, fileNameOff: file, lineOff: line1, line: 12, column: 3 },
        { insnOff: 40, fileNameOff: file, lineOff: line2, line: 4194303, column: 1023 },
      ] },
    ],
    coreRelo: [],
  };
}

describe(".BTF.ext", () => {
  test("func info and line info survive encode and decode", () => {
    const b = new BtfBuilder();
    const ext = sampleExt(b);
    const bytes = encodeBtfExt(ext, b);
    const btf = parseBtf(b.encode());
    const decoded = decodeBtfExt(bytes, btf.strings);
    expect(decoded).toEqual(ext);
    expect(btf.strings.get(decoded.lineInfo[0]!.records[0]!.lineOff)).toBe("started.set(tid(), ktimeNs());");
  });

  test("CO-RE relocations survive encode and decode", () => {
    const b = new BtfBuilder();
    const access = b.addString("0:1");
    const ext: BtfExt = { funcInfo: [], lineInfo: [],
      coreRelo: [{ section: "kprobe/x", records: [{ insnOff: 8, typeId: 2, accessStrOff: access, kind: 0 }] }] };
    const decoded = decodeBtfExt(encodeBtfExt(ext, b), parseBtf(b.encode()).strings);
    expect(decoded).toEqual(ext);
  });

  test("writes the header clang writes: magic, version, 32-byte header, offsets after it", () => {
    const b = new BtfBuilder();
    const bytes = encodeBtfExt(sampleExt(b), b);
    const view = new DataView(bytes.buffer);
    expect(view.getUint16(0, true)).toBe(0xeb9f);
    expect(view.getUint8(2)).toBe(1);
    expect(view.getUint32(4, true)).toBe(32);
    expect(view.getUint32(8, true)).toBe(0); // func_info_off
    expect(view.getUint32(12, true)).toBe(4 + (8 + 8) + (8 + 16)); // rec_size + 2 blocks
    expect(view.getUint32(16, true)).toBe(44); // line_info_off
    expect(view.getUint32(20, true)).toBe(4 + 8 + 32);
    expect(view.getUint32(28, true)).toBe(0); // no CO-RE relocations
    expect(view.getUint32(32, true)).toBe(8); // func info record size
    expect(view.getUint32(32 + 44, true)).toBe(16); // line info record size
    expect(bytes.length).toBe(32 + 44 + 44);
  });

  test("packs line and column as line << 10 | column, capping the column at 1023", () => {
    const b = new BtfBuilder();
    const bytes = encodeBtfExt({ lineInfo: [{ section: "s", records: [
      { insnOff: 0, fileNameOff: 0, lineOff: 0, line: 7, column: 5000 },
    ] }] }, b);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(bytes.length - 4, true)).toBe(7 << 10 | 1023);
  });

  test("rejects a line number over 22 bits", () => {
    const b = new BtfBuilder();
    expect(() => encodeBtfExt({ lineInfo: [{ section: "s", records: [
      { insnOff: 0, fileNameOff: 0, lineOff: 0, line: 2 ** 22, column: 0 },
    ] }] }, b)).toThrow("does not fit in 22 bits");
  });

  test("reads records larger than it knows by their known prefix", () => {
    const b = new BtfBuilder();
    const sec = b.addString("s");
    const strings = parseBtf(b.encode()).strings;
    const words = [0xeb9f | 1 << 16, 24, 0, 4 + 8 + 12, 0, 0, 12, sec, 1, 16, 7, 0xdead];
    const bytes = new Uint8Array(new Uint32Array(words).buffer);
    expect(decodeBtfExt(bytes, strings).funcInfo).toEqual([{ section: "s", records: [{ insnOff: 16, typeId: 7 }] }]);
  });

  test("explains malformed sections", () => {
    const b = new BtfBuilder();
    const strings = parseBtf(b.encode()).strings;
    const good = encodeBtfExt(sampleExt(b), b);
    expect(() => decodeBtfExt(good.subarray(0, 10), strings)).toThrow("shorter than the 24-byte header");
    const badMagic = good.slice();
    badMagic[0] = 0;
    expect(() => decodeBtfExt(badMagic, strings)).toThrow("bad magic");
    expect(() => decodeBtfExt(good.subarray(0, 60), strings)).toThrow("the section is truncated");
    const badSize = good.slice();
    new DataView(badSize.buffer).setUint32(32, 6, true);
    expect(() => decodeBtfExt(badSize, strings)).toThrow("func info record size 6 is below 8");
    const badCount = good.slice();
    new DataView(badCount.buffer).setUint32(32 + 8, 99, true);
    expect(() => decodeBtfExt(badCount, strings)).toThrow("claims 99 records of 8 bytes");
  });
});
