/** break inside a switch leaves the switch, continue inside it goes to the loop's next turn. */
import { test, u32 } from "@ts-bpf/probes";

// expect: 242
test("classify 0..5", () => {
  let r: u32 = 0;
  for (let i: u32 = 0; i < 6; i++) {
    switch (i % 3) {
      case 0:
        r += 1;
        break;
      case 1:
        continue;
      default:
        r += 100;
    }
    r += 10;
  }
  // i=0: +1 +10; i=1: continue; i=2: +100 +10; i=3: +1 +10; i=4: continue; i=5: +100 +10
  return r;
});
