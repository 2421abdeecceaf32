/** Constant shifts fold with the same rules as run-time ones: counts modulo the width. */
import { test, u32, u8 } from "@ts-bpf/probes";

// expect: 2
test("u32(1) << 33", () => u32(1) << 33);

// expect: 0
test("u8(1) << 8 wraps to 0", () => u8(1) << 8);

// expect: 0x40000000
test("1 << 30", () => 1 << 30);
