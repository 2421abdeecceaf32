import { describe, expect, test } from "bun:test";
import { coalesceCopies } from "./coalesce_copies.ts";
import { applyPass, ir } from "./pass_testing.ts";

const coalesce = (text: string) => applyPass(coalesceCopies, ir(text));

describe("coalesce-copies", () => {
  test("a loop variable's next value shares its register, and the copy goes", () => {
    expect(coalesce(`function f
      entry:
        v1 = 0
        br head
      head:
        if lt64 v1, 10 then body else done
      body:
        v2 = add64 v1, 1
        v2 = (u32) v2
        v1 = v2
        br head
      done:
        ret v1`)).toBe(ir(`function f
      entry:
        v1 = 0
        br head
      head:
        if lt64 v1, 10 then body else done
      body:
        v1 = add64 v1, 1
        v1 = (u32) v1
        br head
      done:
        ret v1`));
  });

  test("the arms of a conditional write the joined register directly", () => {
    expect(coalesce(`function f
      entry:
        v0 = arg 0
        v9 = load.u64 [v0 + 0]
        if eq64 v9, 0 then a else b
      a:
        v2 = 100
        v1 = v2
        br join
      b:
        v3 = 200
        v1 = v3
        br join
      join:
        ret v1`)).toBe(ir(`function f
      entry:
        v0 = arg 0
        v9 = load.u64 [v0 + 0]
        if eq64 v9, 0 then a else b
      a:
        v1 = 100
        br join
      b:
        v1 = 200
        br join
      join:
        ret v1`));
  });

  test("a copy whose source is still read after the destination changes stays", () => {
    const text = ir(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = v1
        v2 = add64 v2, 1
        v3 = add64 v2, v1
        ret v3`);
    expect(coalesce(text)).toBe(text);
  });
});
