/** cpu() is a CPU number below the number of possible CPUs. */
import { cpu, test, u32 } from "@ts-bpf/probes";

// expect($ncpus): 1
test("in range", (ctx) => cpu() < u32(ctx.arg(0)) ? 1 : 0);
