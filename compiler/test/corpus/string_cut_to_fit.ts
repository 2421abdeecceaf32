/**
 * A longer string copied into a smaller str field is cut to leave its NUL, as a string read into
 * the field is: comm()'s str<16> copied into a str<2> is the same map key as the task's name read
 * with readKernelStr(…, 2), its first byte and the NUL (cut to two bytes of the name, it was not).
 */
import { comm, currentTask, HashMap, kernelOffset, readKernelStr, type str, test, type u32 } from "@ts-bpf/probes";

interface Cut { s: str<2> }
const byName = new HashMap<str<2>, u32>({ entries: 4 });

// expect: 2
test("cut like a read", () => {
  const name = comm(); // a str<16>, copied below
  const cut: Cut = { s: name };
  byName.set(cut.s, 1);
  const read: Cut = { s: readKernelStr(currentTask() + kernelOffset("task_struct", "comm"), 2) };
  byName.set(read.s, 2);
  const v = byName.get(cut.s);
  return v === undefined ? 99 : v;
});
