/** 64-bit unsigned division and remainder use all 64 bits. */
import { test } from "@ts-bpf/probes";

// expect(0xffffffffffffffff, 0x100000000): 0xffffffff
test("quotient", (ctx) => ctx.arg(0) / ctx.arg(1));

// expect(0xffffffffffffffff, 10): 5
test("remainder", (ctx) => ctx.arg(0) % ctx.arg(1));
