/** uid() and gid() of the calling task. */
import { gid, test, u32, uid } from "@ts-bpf/probes";

// expect($uid): 1
test("uid", (ctx) => uid() === u32(ctx.arg(0)) ? 1 : 0);

// expect($gid): 1
test("gid", (ctx) => gid() === u32(ctx.arg(0)) ? 1 : 0);
