import { describe, expect, test } from "bun:test";
import { foldAddresses } from "./fold_addresses.ts";
import { applyPass, ir } from "./pass_testing.ts";

const fold = (text: string) => applyPass(foldAddresses, ir(text));

describe("fold-addresses", () => {
  test("an access through a slot's address addresses the slot", () => {
    expect(fold(`function f
      slot0: 16 bytes (record)
      entry:
        v1 = &slot0 + 8
        store.32 [v1 + 4], 1
        v2 = load.u32 [v1 + 4]
        ret v2`)).toBe(ir(`function f
      slot0: 16 bytes (record)
      entry:
        v1 = &slot0 + 8
        store.32 [slot0 + 12], 1
        v2 = load.u32 [slot0 + 12]
        ret v2`));
  });

  test("pointer plus a constant becomes the access's offset, through copies", () => {
    expect(fold(`function f
      entry:
        v0 = arg 0
        v1 = add64 v0, 16
        v2 = v1
        v3 = add64 v2, 8
        v4 = load.u64 [v3 + 0]
        atomic_add.64 [v2 + 0], v4
        ret v4`)).toBe(ir(`function f
      entry:
        v0 = arg 0
        v1 = add64 v0, 16
        v2 = v1
        v3 = add64 v2, 8
        v4 = load.u64 [v0 + 24]
        atomic_add.64 [v0 + 16], v4
        ret v4`));
  });

  test("stops when the base pointer is redefined", () => {
    expect(fold(`function f
      entry:
        v0 = arg 0
        v1 = add64 v0, 16
        v0 = load.u64 [v0 + 0]
        v2 = load.u64 [v1 + 0]
        ret v2`)).toContain("v2 = load.u64 [v1 + 0]");
  });

  test("keeps offsets within eBPF's signed 16 bits", () => {
    expect(fold(`function f
      entry:
        v0 = arg 0
        v1 = add64 v0, 40000
        v2 = load.u64 [v1 + 0]
        ret v2`)).toContain("v2 = load.u64 [v1 + 0]");
  });
});
