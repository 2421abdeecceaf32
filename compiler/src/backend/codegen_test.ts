import { describe, expect, test } from "bun:test";
import { ir } from "../passes/pass_testing.ts";
import { codeFor } from "./backend_testing.ts";
import { parallelMove } from "./emit.ts";

const code = (text: string) => codeFor(ir(text));

describe("code generation", () => {
  test("helper results are used from r0 and arguments are computed in r1–r5", () => {
    expect(code(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        v1 = call 14()
        v2 = rsh64 v1, 32
        store.32 [slot0 + 0], v2
        v3 = &slot0 + 0
        v4 = map counts
        v5 = call 1(v4, v3)
        if eq64 v5, 0 then done else found
      found:
        v6 = 1
        atomic_add.64 [v5 + 0], v6
        br done
      done:
        ret 0`)).toEqual([
      "call bpf_get_current_pid_tgid#14",
      "r0 >>= 32",
      "*(u32 *)(r10 -8) = r0",
      "r2 = r10",
      "r2 += -8",
      "r1 = map[counts]",
      "call bpf_map_lookup_elem#1",
      "if r0 == 0x0 goto pc+2",
      "r1 = 1",
      "lock *(u64 *)(r0 +0) += r1",
      "r0 = 0",
      "exit",
    ]);
  });

  test("a value live across a helper call is kept in r6–r9", () => {
    expect(code(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = call 5()
        v3 = add64 v1, v2
        ret v3`)).toEqual([
      "r6 = *(u64 *)(r1 +0)",
      "call bpf_ktime_get_ns#5",
      "r0 += r6",
      "exit",
    ]);
  });

  test("a non-commutative operation never overwrites its second operand first", () => {
    expect(code(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = load.u64 [v0 + 8]
        v3 = sub64 v1, v2
        ret v3`)).toEqual([
      "r0 = *(u64 *)(r1 +0)",
      "r1 = *(u64 *)(r1 +8)",
      "r0 -= r1",
      "exit",
    ]);
  });

  test("an operation whose second operand is its own result is computed into another register", () => {
    expect(code(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = load.u64 [v0 + 8]
        v2 = sub64 v1, v2
        v2 = lsh64 v1, v2
        ret v2`)).toEqual([
      "r2 = *(u64 *)(r1 +0)",
      "r0 = *(u64 *)(r1 +8)",
      "r1 = r2",
      "r1 -= r0",
      "r0 = r1",
      "r2 <<= r0",
      "r0 = r2",
      "exit",
    ]);
  });

  test("immediates beyond 32 bits are loaded with ld_imm64 first", () => {
    expect(code(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = and64 v1, 8589934591
        if gt64 v2, 4294967296 then a else b
      a:
        ret 1
      b:
        ret 0`)).toEqual([
      "r1 = *(u64 *)(r1 +0)",
      "r2 = 0x1ffffffff",
      "r1 &= r2",
      "r2 = 0x100000000",
      "if r1 <= r2 goto pc+2",
      "r0 = 1",
      "exit",
      "r0 = 0",
      "exit",
    ]);
  });

  test("map references and stack addresses are recomputed after a call, not kept in r6–r9", () => {
    const lines = code(`function f
      slot0: 8 bytes (key)
      entry:
        v1 = map counts
        v2 = &slot0 + 0
        store.64 [slot0 + 0], 0
        v3 = call 1(v1, v2)
        call 3(v1, v2)
        ret 0`);
    expect(lines.filter((l) => /r[6-9]/.test(l))).toEqual([]);
    expect(lines.filter((l) => l.includes("map[counts]"))).toHaveLength(2);
  });

  test("argument moves that form a cycle go through r0", () => {
    const moves: string[] = [];
    parallelMove([{ to: 1, from: 2 }, { to: 2, from: 1 }, { to: 3, from: 1 }], (to, from) => moves.push(`r${to} = r${from}`));
    expect(moves).toEqual(["r3 = r1", "r0 = r2", "r2 = r1", "r1 = r0"]);
  });
});
