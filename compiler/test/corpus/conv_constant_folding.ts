/** Conversions of constants fold at compile time with the same wrapping. */
import { i8, test, u16, u8 } from "@ts-bpf/probes";

// expect: 44
test("u8(300)", () => u8(300));

// expect: -56
test("i8(200)", () => i8(200));

// expect: 0xffff
test("u16(-1)", () => u16(-1));
