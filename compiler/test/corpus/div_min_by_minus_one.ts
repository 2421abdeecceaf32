/**
 * The smallest signed value divided by -1 overflows; eBPF defines the result as the dividend
 * (and the remainder as 0), and the DSL wraps to the declared width like the kernel.
 */
import { i32, i64, test } from "@ts-bpf/probes";

// expect(-2147483648, -1): -2147483648
test("i32 min / -1", (ctx) => i32(ctx.arg(0)) / i32(ctx.arg(1)));

// expect(-2147483648, -1): 0
test("i32 min % -1", (ctx) => i32(ctx.arg(0)) % i32(ctx.arg(1)));

// expect(0x8000000000000000, -1): 1
test("i64 min / -1", (ctx) => i64(ctx.arg(0)) / i64(ctx.arg(1)) === -9223372036854775808n ? 1 : 0);

// expect(0x8000000000000000, -1): 1
test("i64 min % -1", (ctx) => i64(ctx.arg(0)) % i64(ctx.arg(1)) === 0n ? 1 : 0);
