/** A record made of helper results: pid, tid and comm of the task that ran the probe. */
import { comm, pid, RingBuf, type str, test, tid, u32 } from "@ts-bpf/probes";

interface Task { pid: u32; tid: u32; comm: str<16> }

const tasks = new RingBuf<Task>({ bytes: 4096 });

// expect: 0
// expect-records: tasks = [{ pid: $pid, tid: $tid, comm: $comm }]
test("who ran it", () => {
  tasks.emit({ pid: pid(), tid: tid(), comm: comm() });
  return 0;
});
