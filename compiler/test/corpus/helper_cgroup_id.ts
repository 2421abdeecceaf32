/** cgroupId() is the id of the test process's cgroup v2 (its directory's inode). */
import { cgroupId, test } from "@ts-bpf/probes";

// expect($cgroup): 1
// expect(0): 0
test("matches the process's cgroup", (ctx) => cgroupId() === ctx.arg(0) ? 1 : 0);
