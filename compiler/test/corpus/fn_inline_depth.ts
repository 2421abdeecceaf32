/** Calls nested several levels deep are all inlined. */
import { test, u32 } from "@ts-bpf/probes";

function f1(x: u32): u32 { return x + 1; }
function f2(x: u32): u32 { return f1(x) + 1; }
function f3(x: u32): u32 { return f2(x) + 1; }
function f4(x: u32): u32 { return f3(x) + 1; }
function f5(x: u32): u32 { return f4(x) + 1; }
function f6(x: u32): u32 { return f5(x) + 1; }

// expect(10): 16
test("six levels", (ctx) => f6(u32(ctx.arg(0))));
