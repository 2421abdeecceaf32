import { describe, expect, test } from "bun:test";
import type { TypeLayout } from "@ts-bpf/loader";
import { compileDecoder, decodeBytes } from "./compiled_decoder.ts";
import { decodeValue, encodeValue } from "./value_codec.ts";

const u = (bits: 8 | 16 | 32 | 64, signed = false): TypeLayout =>
  ({ kind: "int", bits, signed, name: `${signed ? "i" : "u"}${bits}` });
const inner: TypeLayout = { kind: "struct", name: "Inner", size: 4, align: 2, fields: [
  { name: "a", type: u(16, true), offset: 0 }, { name: "b", type: u(8), offset: 2 },
] };
const record: TypeLayout = { kind: "struct", name: "Event", size: 64, align: 8, fields: [
  { name: "pid", type: u(32), offset: 0 },
  { name: "delta", type: u(32, true), offset: 4 },
  { name: "ns", type: u(64), offset: 8 },
  { name: "big", type: u(64, true), offset: 16 },
  { name: "ok", type: { kind: "bool" }, offset: 24 },
  { name: "inner", type: inner, offset: 26 },
  { name: "comm", type: { kind: "str", capacity: 16 }, offset: 30 },
  { name: "ids", type: { kind: "array", element: u(16), length: 4 }, offset: 46 },
] };

describe("compiled decoder", () => {
  test("decodes exactly what the layout walker decodes", () => {
    const value = { pid: 4000000000, delta: -12, ns: 0xffff_ffff_ffff_fff0n, big: -5n, ok: true,
      inner: { a: -300, b: 200 }, comm: "bash", ids: [1, 2, 65535, 0] };
    const bytes = encodeValue(record, value);
    expect(decodeBytes(compileDecoder(record), bytes)).toEqual(decodeValue(record, bytes));
    expect(decodeBytes(compileDecoder(record), bytes)).toEqual(value);
  });

  test("reads records at any offset of a shared buffer, and non-ASCII strings", () => {
    const one = encodeValue(record, { pid: 1, comm: "café" });
    const two = encodeValue(record, { pid: 2, comm: "x" });
    const area = new Uint8Array(200);
    area.set(one, 8);
    area.set(two, 72);
    const decode = compileDecoder(record);
    const view = new DataView(area.buffer, 0, area.length);
    expect((decode(view, 8) as { comm: string }).comm).toBe("café");
    expect((decode(view, 72) as { pid: number }).pid).toBe(2);
    // A view that starts inside its buffer: offsets count from the view.
    const shifted = new DataView(area.buffer, 8, 128);
    expect(decode(shifted, 64)).toEqual(decodeValue(record, two));
  });

  test("strings of every length up to the capacity, short and long, ASCII or not, stop at the NUL", () => {
    const head: TypeLayout = { kind: "struct", name: "Head", size: 256, align: 1, fields: [
      { name: "text", type: { kind: "str", capacity: 256 }, offset: 0 },
    ] };
    const decode = compileDecoder(head);
    for (const text of ["", "a", "x".repeat(23), "y".repeat(24), "GET / HTTP/1.1\r\nHost: h\r\n\r\n",
      "z".repeat(255), "über".repeat(30)]) {
      expect((decodeBytes(decode, encodeValue(head, { text })) as { text: string }).text).toBe(text);
    }
    const full = new Uint8Array(256).fill(0x41);
    expect((decodeBytes(decode, full) as { text: string }).text).toBe("A".repeat(256));
  });
});
