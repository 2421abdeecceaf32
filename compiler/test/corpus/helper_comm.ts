/** comm() is the calling thread's name (16 bytes, NUL-padded). */
import { comm, HashMap, type str, test, u32 } from "@ts-bpf/probes";

const names = new HashMap<u32, str<16>>({ entries: 2 });

// expect: 0
// expect-map: names[0] = $comm
test("store comm", () => {
  names.set(0, comm());
  return 0;
});

// expect: 0
// expect-map: names[1] = $comm
test("comm in a local first", () => {
  const c = comm();
  names.set(1, c);
  return 0;
});
