import { describe, expect, test } from "bun:test";
import { shareKeySlots } from "./share_key_slots.ts";
import { applyPass, ir } from "./pass_testing.ts";

const share = (text: string) => applyPass(shareKeySlots, ir(text));

describe("share-key-slots", () => {
  test("a key built again from the same value, where the first dominates, reuses the first slot", () => {
    expect(share(`function f
      slot0: 8 bytes (key)
      slot1: 8 bytes (key)
      entry:
        v1 = call 14()
        store.32 [slot0 + 0], v1
        v3 = &slot0 + 0
        v5 = map m
        v4 = call 1(v5, v3)
        if ne64 v4, 0 then found else done
      found:
        v20 = (u32) v1
        store.32 [slot1 + 0], v20
        v21 = &slot1 + 0
        v22 = map m
        call 3(v22, v21)
        br done
      done:
        ret 0`)).toBe(ir(`function f
      slot0: 8 bytes (key)
      slot1: 0 bytes (key)
      entry:
        v1 = call 14()
        store.32 [slot0 + 0], v1
        v3 = &slot0 + 0
        v5 = map m
        v4 = call 1(v5, v3)
        if ne64 v4, 0 then found else done
      found:
        v20 = (u32) v1
        v21 = &slot0 + 0
        v22 = map m
        call 3(v22, v21)
        br done
      done:
        ret 0`));
  });

  test("different bytes, a slot a helper writes, and a slot written after its address is taken stay apart", () => {
    const text = ir(`function f
      slot0: 8 bytes (key)
      slot1: 8 bytes (key)
      slot2: 8 bytes (buffer)
      slot3: 8 bytes (buffer)
      slot4: 8 bytes (key)
      slot5: 8 bytes (key)
      entry:
        v1 = call 14()
        store.32 [slot0 + 0], v1
        v2 = &slot0 + 0
        v3 = map m
        v4 = call 1(v3, v2)
        store.32 [slot1 + 0], 7
        v5 = &slot1 + 0
        call 3(v3, v5)
        store.32 [slot2 + 0], v1
        v6 = &slot2 + 0
        call 113(v6, 4, v1)
        store.32 [slot3 + 0], v1
        v7 = &slot3 + 0
        call 113(v7, 4, v1)
        store.32 [slot4 + 0], v1
        v8 = &slot4 + 0
        store.32 [slot4 + 0], 9
        call 3(v3, v8)
        store.32 [slot5 + 0], v1
        v9 = &slot5 + 0
        call 3(v3, v9)
        ret 0`);
    // slot5 matches slot0 (same bytes, read-only uses): it is the only one shared.
    expect(share(text)).toBe(text.replace("slot5: 8 bytes", "slot5: 0 bytes")
      .replace("  store.32 [slot5 + 0], v1\n", "").replace("v9 = &slot5 + 0", "v9 = &slot0 + 0"));
  });

  test("keys in branches are built once where they all meet, with those merged into them before", () => {
    expect(share(`function f
      slot0: 8 bytes (key)
      slot1: 8 bytes (key)
      slot2: 8 bytes (key)
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 8]
        if eq64 v1, 0 then a else join
      a:
        store.64 [slot0 + 0], v1
        v2 = &slot0 + 0
        v3 = map m
        call 3(v3, v2)
        br join
      join:
        store.64 [slot1 + 0], v1
        v4 = &slot1 + 0
        v5 = map m
        v6 = call 1(v5, v4)
        if eq64 v6, 0 then done else later
      later:
        store.64 [slot2 + 0], v1
        v7 = &slot2 + 0
        call 3(v5, v7)
        br done
      done:
        ret 0`)).toBe(ir(`function f
      slot0: 8 bytes (key)
      slot1: 0 bytes (key)
      slot2: 0 bytes (key)
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 8]
        store.64 [slot0 + 0], v1
        if eq64 v1, 0 then a else join
      a:
        v2 = &slot0 + 0
        v3 = map m
        call 3(v3, v2)
        br join
      join:
        v4 = &slot0 + 0
        v5 = map m
        v6 = call 1(v5, v4)
        if eq64 v6, 0 then done else later
      later:
        v7 = &slot0 + 0
        call 3(v5, v7)
        br done
      done:
        ret 0`));
  });
});
