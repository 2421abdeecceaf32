/** pid() and tid() are the test process's ids (BPF_PROG_TEST_RUN runs in the calling thread). */
import { pid, test, tid, u32 } from "@ts-bpf/probes";

// expect($pid): 1
// expect(1): 0
test("pid", (ctx) => pid() === u32(ctx.arg(0)) ? 1 : 0);

// expect($tid): 1
test("tid", (ctx) => tid() === u32(ctx.arg(0)) ? 1 : 0);
