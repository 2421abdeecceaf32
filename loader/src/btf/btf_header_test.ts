import { describe, expect, test } from "bun:test";
import { BTF_HEADER_SIZE, decodeBtfHeader, encodeBtfHeader } from "./btf_header.ts";

describe("BTF header", () => {
  test("encodes and decodes magic, version, and section offsets after the header", () => {
    const bytes = new Uint8Array(BTF_HEADER_SIZE + 12 + 3);
    encodeBtfHeader(new DataView(bytes.buffer), 12, 3);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x9f, 0xeb, 1, 0, 24, 0, 0, 0]);
    expect(decodeBtfHeader(bytes)).toEqual({ littleEndian: true, version: 1, flags: 0, hdrLen: 24,
      typeOff: 0, typeLen: 12, strOff: 12, strLen: 3 });
  });

  test("rejects a header whose length is below 24 or past the data", () => {
    const bytes = new Uint8Array(BTF_HEADER_SIZE);
    encodeBtfHeader(new DataView(bytes.buffer), 0, 0);
    new DataView(bytes.buffer).setUint32(4, 16, true);
    expect(() => decodeBtfHeader(bytes)).toThrow("header length 16 is outside 24..24");
  });

  test("rejects a type section that is not 4-byte aligned", () => {
    const bytes = new Uint8Array(BTF_HEADER_SIZE + 8);
    encodeBtfHeader(new DataView(bytes.buffer), 0, 0);
    new DataView(bytes.buffer).setUint32(8, 2, true);
    expect(() => decodeBtfHeader(bytes)).toThrow("type section offset 2 is not 4-byte aligned");
  });
});
