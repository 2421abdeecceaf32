import { describe, expect, test } from "bun:test";
import { parseCpuList } from "./cpus.ts";

describe("parseCpuList", () => {
  test("reads ranges and single CPUs", () => {
    expect(parseCpuList("0-3,5,7-8\n")).toEqual([0, 1, 2, 3, 5, 7, 8]);
  });
  test("reads a single CPU", () => {
    expect(parseCpuList("0")).toEqual([0]);
  });
  test("rejects text that is not a CPU list", () => {
    expect(() => parseCpuList("abc")).toThrow("Cannot parse CPU list 'abc'");
  });
});
