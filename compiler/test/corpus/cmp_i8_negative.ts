/** An i8 read from 0xff is -1: below zero, and equal to -1. */
import { i8, test } from "@ts-bpf/probes";

// expect(0xff): 1
// expect(0x7f): 0
// expect(0x80): 1
test("negative bytes are below zero", (ctx) => i8(ctx.arg(0)) < 0 ? 1 : 0);

// expect(0xff): 1
// expect(0x1ff): 1
// expect(0xfe): 0
test("0xff is -1", (ctx) => i8(ctx.arg(0)) === -1 ? 1 : 0);
