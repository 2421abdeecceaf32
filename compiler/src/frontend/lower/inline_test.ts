/**
 * Tests of inlined functions' results: the declared result type converts what is returned, as
 * an assignment to a local of that type would.
 */
import { describe, expect } from "bun:test";
import { kernelTest } from "../../../../test/support/gates.ts";
import { compileOk, loadProbe, runTest } from "../../../test/support.ts";

const PROBE = `
import { test, type i8, type u32, type u64 } from "@ts-bpf/probes";

function low(n: u64): u32 {
  return n;
}
const lowArrow = (n: u64): u32 => n;
function signedByte(n: u32): i8 {
  return n;
}

test("block body", (ctx) => low(ctx.arg(0)) === 5 ? 1 : 0);
test("expression body", (ctx) => lowArrow(ctx.arg(0)) === 5 ? 1 : 0);
test("to a signed type", (ctx) => signedByte(u32Of(ctx.arg(0))) === -1 ? 1 : 0);

function u32Of(n: u64): u32 {
  return n;
}
`;

describe("inlined function results", () => {
  kernelTest("a wider value returned from a function declared u32 keeps its low 32 bits", () => {
    const collection = loadProbe(compileOk(PROBE));
    try {
      expect(runTest(collection, "block_body", [0x1_0000_0005n])).toBe(1n);
      expect(runTest(collection, "expression_body", [0x7_0000_0005n])).toBe(1n);
      expect(runTest(collection, "to_a_signed_type", [0x1ffn])).toBe(1n);
      expect(runTest(collection, "block_body", [6n])).toBe(0n);
    } finally {
      collection.close();
    }
  });
});
