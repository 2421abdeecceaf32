import { describe, expect, test } from "bun:test";
import { ProgType } from "../asm/mod.ts";
import type { Program } from "../programs/program.ts";
import { attachUprobeMulti } from "./uprobe_multi.ts";

// Attaching for real is covered end to end by test/latency (hundreds of offsets, cookies,
// return probes); these check what is refused before any syscall.
const program = { name: "p", type: ProgType.KPROBE, fd: -1 } as unknown as Program;

describe("attachUprobeMulti()", () => {
  test("refuses an empty offset list", () => {
    expect(() => attachUprobeMulti(program, "/bin/true", [])).toThrow("no offsets");
  });
  test("refuses a cookie list that does not match the offsets", () => {
    expect(() => attachUprobeMulti(program, "/bin/true", [0x1000, 0x1010], { cookies: [1n] }))
      .toThrow("1 cookies for 2 offsets");
  });
  test("refuses programs that are not kprobe-type", () => {
    const xdp = { name: "x", type: ProgType.XDP, fd: -1 } as unknown as Program;
    expect(() => attachUprobeMulti(xdp, "/bin/true", [0x1000])).toThrow();
  });
});
