/** Signed fields sign-extend when read: an i8 field of 0xff reads as -1. */
import { i16, i8, test } from "@ts-bpf/probes";

interface Signed { small: i8; medium: i16 }

// expect(0xff, 0xfffe): -3
test("sum of negative fields", (ctx) => {
  const s: Signed = { small: i8(ctx.arg(0)), medium: i16(ctx.arg(1)) };
  return i16(s.small + s.medium);
});
