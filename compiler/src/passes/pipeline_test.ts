import { describe, expect, test } from "bun:test";
import { parseFunction } from "../ir/parse_ir.ts";
import { printFunction } from "../ir/print_ir.ts";
import { codeFor } from "../backend/backend_testing.ts";
import { ir } from "./pass_testing.ts";
import { PASSES, runPasses } from "./pipeline.ts";

/** What the frontend made of `calls.increment(pid())` before the passes existed. */
const NAIVE_COUNTER = ir(`function sys_enter_openat
  slot0: 8 bytes (key)
  slot1: 8 bytes (zero value)
  entry:
    v0 = arg 0
    v1 = call 14()
    v2 = rsh64 v1, 32
    store.64 [slot0 + 0], 0
    store.32 [slot0 + 0], v2
    v3 = &slot0 + 0
    v6 = map calls
    v5 = call 1(v6, v3)
    v4 = v5
    if ne64 v5, 0 then agg.found.1 else agg.create.2
  agg.create.2:
    store.64 [slot1 + 0], 0
    v7 = &slot1 + 0
    v8 = map calls
    call 2(v8, v3, v7, 1)
    v10 = map calls
    v9 = call 1(v10, v3)
    v4 = v9
    if ne64 v9, 0 then agg.found.1 else agg.done.0
  agg.found.1:
    v11 = 1
    atomic_add.64 [v4 + 0], v11
    br agg.done.0
  agg.done.0:
    ret 0`);

describe("the pass pipeline", () => {
  test("lists every pass in order, with remove-unreachable last", () => {
    expect(PASSES.at(-1)!.name).toBe("remove-unreachable");
    expect(PASSES.at(-2)!.name).toBe("thread-jumps");
  });

  test("removes the naive counter's dead context, copies and repeated map references", () => {
    const fn = parseFunction(NAIVE_COUNTER);
    runPasses(fn);
    expect(printFunction(fn)).toBe(ir(`function sys_enter_openat
      slot0: 8 bytes (key)
      slot1: 8 bytes (zero value)
      entry:
        v1 = call 14()
        v2 = rsh64 v1, 32
        store.64 [slot0 + 0], 0
        store.32 [slot0 + 0], v2
        v3 = &slot0 + 0
        v6 = map calls
        v4 = call 1(v6, v3)
        if ne64 v4, 0 then agg.found.1 else agg.create.2
      agg.create.2:
        store.64 [slot1 + 0], 0
        v7 = &slot1 + 0
        v8 = map calls
        call 2(v8, v3, v7, 1)
        v10 = map calls
        v4 = call 1(v10, v3)
        if ne64 v4, 0 then agg.found.1 else agg.done.0
      agg.found.1:
        v11 = 1
        atomic_add.64 [v4 + 0], v11
        br agg.done.0
      agg.done.0:
        ret 0`));
  });

  test("the naive counter then takes 31 instruction slots instead of the 36 it took", () => {
    const fn = parseFunction(NAIVE_COUNTER);
    runPasses(fn);
    const lines = codeFor(printFunction(fn));
    // ld_imm64 (map references) takes two slots.
    const slots = lines.length + lines.filter((l) => l.includes("map[")).length;
    expect(slots).toBe(31);
    // The only register moves left keep the pointer both lookups define across the calls.
    expect(lines.filter((l) => /^r\d = r\d$/.test(l))).toEqual(["r6 = r0", "r6 = r0"]);
  });
});
