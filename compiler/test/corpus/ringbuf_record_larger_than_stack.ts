/**
 * A struct literal given to emit() is written in place in the ring buffer (reserve, fill,
 * submit), so a record larger than the 512-byte stack can be sent. Strings are read straight
 * into their fields: comm(), and readUserStr() of a bad address (the helper zeroes the field);
 * a str local is copied in.
 */
import { comm, readUserStr, RingBuf, type str, test, u32 } from "@ts-bpf/probes";

interface Big { id: u32; who: str<16>; path: str<300>; line: str<300>; short: str<8> }

const bigs = new RingBuf<Big>({ bytes: 4096 });

// expect(7, 1): 0
// expect-records: bigs = [{ id: 7, who: $comm, path: "", line: "", short: "" }]
test("a 628-byte record", (ctx) => {
  const empty: str<8> = readUserStr(ctx.arg(1), 8);
  bigs.emit({ id: u32(ctx.arg(0)), who: comm(), path: readUserStr(ctx.arg(1), 300),
    line: readUserStr(ctx.arg(1), 300), short: empty });
  return 0;
});
