/**
 * A longer string stored into a smaller str field is cut to leave its NUL (as a string read
 * into the field is): comm() into a str<2> keeps its first byte, then the NUL.
 */
import { comm, HashMap, type str, test, type u32 } from "@ts-bpf/probes";

interface Cut { s: str<2> }
const cut = new HashMap<u32, Cut>({ entries: 2 });

// expect: 0
test("the last byte is the NUL", () => {
  const c = comm();
  cut.set(0, { s: c });
  const v = cut.get(0);
  if (v === undefined) return 99;
  return v.s[1];
});

// expect: 1
test("the first byte is the string's", () => {
  const c = comm();
  cut.set(1, { s: c });
  const v = cut.get(1);
  if (v === undefined) return 99;
  return v.s[0] === c[0] && c[0] !== 0 ? 1 : 0;
});
