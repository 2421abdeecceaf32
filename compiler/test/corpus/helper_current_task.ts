/**
 * currentTask() is the calling thread's task_struct; kernelOffset() gives its members' offsets
 * from this kernel's BTF (so this golden holds this kernel's offsets: tgid, pid, real_parent).
 */
import { currentTask, kernelOffset, readKernel, test, u32, u64 } from "@ts-bpf/probes";

// expect($pid): 1
// expect(1): 0
test("tgid", (ctx) => readKernel<u32>(currentTask() + kernelOffset("task_struct", "tgid")) === u32(ctx.arg(0)) ? 1 : 0);

// expect($tid): 1
test("pid", (ctx) => readKernel<u32>(currentTask() + kernelOffset("task_struct", "pid")) === u32(ctx.arg(0)) ? 1 : 0);

// The parent's tgid, through a pointer read from the task: two reads.
// expect($ppid): 1
test("parent", (ctx) => {
  const parent = readKernel<u64>(currentTask() + kernelOffset("task_struct", "real_parent"));
  return readKernel<u32>(parent + kernelOffset("task_struct", "tgid")) === u32(ctx.arg(0)) ? 1 : 0;
});
