/**
 * readUser<T>() and readKernel<T>() of a whole struct or array: one helper call copies the value
 * from memory, and its fields read as if it were a local. The user memory here is a buffer of
 * this test process, whose address is passed as the test probe's argument (BPF_PROG_TEST_RUN
 * runs the program in the calling process, so its user memory is the test's).
 */
import { expect } from "bun:test";
import { ptr } from "bun:ffi";
import { kernelTest } from "../../test/support/gates.ts";
import { compileOk, loadProbe, runTest } from "./support.ts";

const PROBE = `
import { type Arr, readKernel, readUser, test, type u8, type u16, u32, type u64 } from "@ts-bpf/probes";
interface Header { kind: u8; flags: u16; length: u32; id: u64 }

test("struct_fields", (ctx) => {
  const h = readUser<Header>(ctx.arg(0));
  return h.kind + h.flags + h.length + u32(h.id);
});

test("array", (ctx) => {
  const bytes = readUser<Arr<u8, 4>>(ctx.arg(0));
  return u32(bytes[0]) * 1000 + bytes[3]; // u8 arithmetic would wrap at 256
});

test("bad_address", (ctx) => {
  const h = readKernel<Header>(ctx.arg(0));
  return h.kind + h.flags + h.length + u32(h.id) + 7;
});
`;

kernelTest("readUser<Struct> and readUser<Arr> copy the value in one read", () => {
  const collection = loadProbe(compileOk(PROBE));
  try {
    // C layout of Header: kind at 0, flags at 2, length at 4, id at 8; 16 bytes.
    const buffer = new Uint8Array(16);
    const view = new DataView(buffer.buffer);
    view.setUint8(0, 3);
    view.setUint16(2, 500, true);
    view.setUint32(4, 70_000, true);
    view.setBigUint64(8, 0x1_0000_0009n, true); // u32() keeps the low 9
    const address = BigInt(ptr(buffer));
    expect(runTest(collection, "struct_fields", [address])).toBe(3n + 500n + 70_000n + 9n);
    expect(runTest(collection, "array", [address])).toBe(3n * 1000n + 1n);
    expect(runTest(collection, "bad_address", [8n])).toBe(7n);
  } finally {
    collection.close();
  }
});
