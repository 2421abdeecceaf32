/** set() copies the value: changing the local afterwards does not change the stored entry. */
import { HashMap, test, u32 } from "@ts-bpf/probes";

interface Box { n: u32 }

const boxes = new HashMap<u32, Box>({ entries: 4 });

// expect: 0
// expect-map: boxes[0] = { n: 1 }
// expect-map: boxes[1] = { n: 2 }
test("set, change, set again", () => {
  const b: Box = { n: 1 };
  boxes.set(0, b);
  b.n = 2;
  boxes.set(1, b);
  return 0;
});
