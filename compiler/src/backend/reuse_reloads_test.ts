/**
 * Reloads of a spilled value: dropped where the register still holds it (also in a block whose
 * one predecessor left it there), kept after a helper call, where two paths meet, and for a
 * slot whose address is taken (a helper may have written it).
 */
import { describe, expect, test } from "bun:test";
import { ir } from "../passes/pass_testing.ts";
import { codeFor } from "./backend_testing.ts";

const code = (text: string) => codeFor(ir(text));

describe("reuse-reloads", () => {
  test("a chain of compares reads the spilled value once; a call's clobber means a reload", () => {
    expect(code(`function f
      slot0: 8 bytes (spill)
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        store.64 [slot0 + 0], v1
        v2 = load.u64 [slot0 + 0]
        if gt64 v2, 47 then other else done
      other:
        v3 = load.u64 [slot0 + 0]
        if ne64 v3, 288 then done else hit
      hit:
        v4 = call 14()
        v5 = load.u64 [slot0 + 0]
        v6 = add64 v5, v4
        ret v6
      done:
        ret 0`)).toEqual([
      "r1 = *(u64 *)(r1 +0)",
      "*(u64 *)(r10 -8) = r1",
      "if r1 <= 0x2f goto pc+5",
      "if r1 != 0x120 goto pc+4",
      "call bpf_get_current_pid_tgid#14",
      "r1 = *(u64 *)(r10 -8)",
      "r0 += r1",
      "exit",
      "r0 = 0",
      "exit",
    ]);
  });

  test("where two paths meet, the value is reloaded", () => {
    const lines = code(`function f
      slot0: 8 bytes (spill)
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        store.64 [slot0 + 0], v1
        v2 = load.u64 [v0 + 8]
        if eq64 v2, 0 then join else side
      side:
        v3 = 7
        store.64 [v0 + 16], v3
        br join
      join:
        v4 = load.u64 [slot0 + 0]
        ret v4`);
    expect(lines.filter((l) => l.includes("= *(u64 *)(r10 -8)"))).toEqual(["r0 = *(u64 *)(r10 -8)"]);
  });

  test("a slot whose address is taken is read again: a helper may have written it", () => {
    const lines = code(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        store.64 [slot0 + 0], v1
        v2 = &slot0 + 0
        v4 = map m
        v5 = call 1(v4, v2)
        v6 = load.u64 [slot0 + 0]
        v7 = add64 v6, v1
        ret v7`);
    expect(lines.filter((l) => l.includes("= *(u64 *)(r10 -8)"))).toHaveLength(1);
  });
});
