/** Structs are laid out like C: a u8 then a u64 puts the u64 at offset 8; padding is zero. */
import { HashMap, test, u32, u64, u8 } from "@ts-bpf/probes";

interface Padded { flag: u8; value: u64; tail: u8 }

const out = new HashMap<u32, Padded>({ entries: 2 });

// expect: 0
// expect-map: out[0] = { flag: 1, value: 0x1122334455667788, tail: 0xff }
test("store a padded struct", () => {
  const p: Padded = { flag: 1, value: 0x1122334455667788n, tail: 0xff };
  out.set(0, p);
  return 0;
});
