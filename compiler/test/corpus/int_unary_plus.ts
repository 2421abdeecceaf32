/** Unary + leaves a value unchanged; unary - of a signed value negates it. */
import { i32, test, u32 } from "@ts-bpf/probes";

// expect(5): 5
test("+x", (ctx) => +u32(ctx.arg(0)));

// expect(5): -5
// expect(-2147483648): -2147483648
test("-x", (ctx) => -i32(ctx.arg(0)));
