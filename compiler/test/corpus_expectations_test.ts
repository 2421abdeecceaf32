/**
 * Tests of the corpus runner's own parts: the expectation comments, the value language, and
 * encoding and decoding by type layouts. A runner that misread its expectations would pass
 * programs it never checked.
 */
import { describe, expect, test } from "bun:test";
import type { TypeLayout } from "@ts-bpf/loader";
import { readExpectations } from "./corpus_expectations.ts";
import { parseExpected, parseExpectedList, sameValue, show } from "./expected_values.ts";
import { decodeValue, encodeValue, sumPerCpu } from "./value_layout.ts";

const u8: TypeLayout = { kind: "int", bits: 8, signed: false, name: "u8" };
const i16: TypeLayout = { kind: "int", bits: 16, signed: true, name: "i16" };
const u64: TypeLayout = { kind: "int", bits: 64, signed: false, name: "u64" };
const padded: TypeLayout = { kind: "struct", name: "Padded", size: 24, align: 8, fields: [
  { name: "flag", type: u8, offset: 0 }, { name: "value", type: u64, offset: 8 },
  { name: "name", type: { kind: "str", capacity: 4 }, offset: 16 },
  { name: "pair", type: { kind: "array", element: i16, length: 2 }, offset: 20 },
] };

describe("readExpectations", () => {
  test("reads runs, map checks and record checks above each test", () => {
    const source = [
      "// prose about the program",
      "// expect: 4",
      "// expect(1, -2, 0xff): 7",
      "// expect-map: counts[3] = 7",
      "// expect-map: total = 60",
      "// expect-records: events = [{ id: 1 }]",
      'test("first", (ctx) => 0);',
      "// expect: -1",
      'test("second", () => 0);',
    ].join("\n");
    const [first, second] = readExpectations("x.ts", source);
    expect(first!.name).toBe("first");
    expect(first!.runs.map((r) => [r.args.map(show), show(r.expect), r.line]))
      .toEqual([[[], "4", 2], [["1", "-2", "255"], "7", 3]]);
    expect(first!.maps.map((m) => [m.map, m.key && show(m.key), show(m.value)]))
      .toEqual([["counts", "3", "7"], ["total", undefined, "60"]]);
    expect(first!.records.map((r) => [r.map, r.records.map(show)])).toEqual([["events", ["{ id: 1 }"]]]);
    expect(second!.runs.map((r) => show(r.expect))).toEqual(["-1"]);
  });

  test("refuses a test without an expect line", () => {
    expect(() => readExpectations("x.ts", 'test("lonely", () => 0);'))
      .toThrow('x.ts:1: test "lonely" has no \'// expect: …\' line above it');
  });

  test("refuses expectations that no test follows", () => {
    expect(() => readExpectations("x.ts", '// expect: 1\ntest("a", () => 0);\n// expect: 1\n'))
      .toThrow("x.ts:3: expectations with no test() below them");
  });

  test("refuses return values that do not fit the 32-bit test-run result", () => {
    expect(() => readExpectations("x.ts", '// expect: 0x100000000\ntest("a", () => 0);'))
      .toThrow("does not fit the 32-bit return value");
  });

  test("refuses two tests with one name", () => {
    expect(() => readExpectations("x.ts", '// expect: 1\ntest("a", () => 0);\n// expect: 1\ntest("a", () => 0);'))
      .toThrow('x.ts:4: a second test named "a"');
  });

  test("refuses malformed directives with their location", () => {
    expect(() => readExpectations("x.ts", "// expect-map: counts 3 = 7\n")).toThrow("x.ts:1: write");
  });
});

describe("the expected-value language", () => {
  test("reads integers in every radix, with separators, signs and n suffixes", () => {
    expect(parseExpectedList("0xff, -0x10, 0b101, 0o17, 1_000, 18446744073709551615n").map(show))
      .toEqual(["255", "-16", "5", "15", "1000", "18446744073709551615"]);
  });

  test("reads strings, arrays, structs, tokens, _ and none", () => {
    expect(show(parseExpected('{ a: [1, "x y"], b: $pid, c: _, d: none, e: true }')))
      .toBe('{ a: [1, "x y"], b: $pid, c: _, d: none, e: true }');
  });

  test("rejects trailing text", () => {
    expect(() => parseExpected("1 2")).toThrow("unexpected text at column");
  });

  test("compares structs field by field and requires every field", () => {
    const actual = { a: 1n, b: "x" };
    expect(sameValue(actual, parseExpected('{ a: 1, b: "x" }'), {})).toBe(true);
    expect(sameValue(actual, parseExpected('{ a: 2, b: "x" }'), {})).toBe(false);
    expect(sameValue(actual, parseExpected("{ a: 1 }"), {})).toBe(false);
    expect(sameValue(actual, parseExpected("{ a: _, b: $name }"), { name: "x" })).toBe(true);
  });

  test("none matches only a missing entry, _ only a present one", () => {
    expect(sameValue(undefined, parseExpected("none"), {})).toBe(true);
    expect(sameValue(0n, parseExpected("none"), {})).toBe(false);
    expect(sameValue(undefined, parseExpected("_"), {})).toBe(false);
  });
});

describe("value layouts", () => {
  test("encodes and decodes a padded struct with a string and a signed array", () => {
    const value = parseExpected('{ flag: 1, value: 0x1122334455667788, name: "ab", pair: [-2, 3] }');
    const bytes = encodeValue(padded, value, {});
    expect([...bytes.subarray(0, 16)]).toEqual([1, 0, 0, 0, 0, 0, 0, 0,
      0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11]);
    expect([...bytes.subarray(16, 24)]).toEqual([0x61, 0x62, 0, 0, 0xfe, 0xff, 3, 0]);
    expect(decodeValue(padded, bytes)).toEqual({ flag: 1n, value: 0x1122334455667788n, name: "ab",
      pair: [-2n, 3n] });
  });

  test("refuses a string that leaves no room for its NUL", () => {
    expect(() => encodeValue({ kind: "str", capacity: 2 }, parseExpected('"ab"'), {})).toThrow("does not fit");
  });

  test("sums per-CPU copies field by field", () => {
    expect(sumPerCpu([{ n: 1n, s: "" }, { n: 2n, s: "x" }])).toEqual({ n: 3n, s: "x" });
  });
});
