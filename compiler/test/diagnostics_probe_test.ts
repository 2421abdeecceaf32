/**
 * Diagnostics for attach declarations, handlers and their context: tracepoint names and
 * fields (from a pinned format, so the text does not depend on the machine), ctx.arg() and
 * ctx.ret(), handler shapes, and probes that attach nothing. Each test asserts the whole
 * rendered diagnostic.
 */
import { rejects } from "./diagnostic_cases.ts";

rejects("an unknown tracepoint field", `
tracepoint("syscalls:sys_enter_openat", (ctx) => {
  const f = ctx.filenam;
});
`, `
probe.ts:3:13 error TSB2302: tracepoint 'syscalls:sys_enter_openat' has no field 'filenam'
  3 |   const f = ctx.filenam;
    |             ^^^^^^^^^^^
      hint: its fields are: __syscall_nr, dfd, filename, flags, mode
`);

rejects("an unknown tracepoint", `
tracepoint("syscalls:sys_enter_nosuch", (ctx) => {
  const f = ctx.x;
});
`, `
probe.ts:2:12 error TSB1007: the format of tracepoint 'syscalls:sys_enter_nosuch' is not available
  2 | tracepoint("syscalls:sys_enter_nosuch", (ctx) => {
    |            ^^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: check the name with 'tsbpf list tracepoints', and that tracefs is mounted ('tsbpf doctor'); or pass a pinned format file
`);

rejects("ctx.arg() in a tracepoint handler", `
tracepoint("syscalls:sys_enter_openat", (ctx) => {
  const a = ctx.arg(0);
});
`, `
probe.ts:3:13 error TSB2305: tracepoint contexts have named fields, not ctx.arg()
  3 |   const a = ctx.arg(0);
    |             ^^^^^^^^^^
      hint: read ctx.<field> (see 'tsbpf list tracepoints')
`);

rejects("ctx.ret() outside a uretprobe", `
uprobe("/bin/bash", "readline", (ctx) => {
  const r = ctx.ret();
});
`, `
probe.ts:3:13 error TSB2306: ctx.ret() is only available in uretprobe handlers
  3 |   const r = ctx.ret();
    |             ^^^^^^^^^
`);

rejects("ctx.arg() with a non-constant argument number", `
test("t", (ctx) => {
  const n = u32(ctx.arg(0));
  return ctx.arg(n);
});
`, `
probe.ts:4:18 error TSB2304: ctx.arg() needs a constant argument number
  4 |   return ctx.arg(n);
    |                  ^
`);

rejects("assigning a tracepoint field", `
tracepoint("syscalls:sys_enter_openat", (ctx) => {
  ctx.flags = 0;
});
`, `
probe.ts:3:3 error TSB2215: the context is read-only
  3 |   ctx.flags = 0;
    |   ^^^^^^^^^
      hint: copy the field into a local first
`);

rejects("a tracepoint handler that returns a value", `
tracepoint("syscalls:sys_enter_openat", (ctx) => {
  return 1;
});
`, `
probe.ts:3:10 error TSB2711: handlers return nothing
  3 |   return 1;
    |          ^
      hint: only test() probes return a value
`);

rejects("async handlers", `
test("t", async () => {
  return 0;
});
`, `
probe.ts:2:11 error TSB1009: handlers cannot be async
  2 | test("t", async () => {
    |           ^^^^^^^^^^^^^
      hint: a kernel handler runs to completion with nothing to wait for: remove the 'async'
`);

rejects("handlers with two parameters", `
test("t", (ctx, extra) => 0);
`, `
probe.ts:2:17 error TSB1010: handlers take one parameter, the context
  2 | test("t", (ctx, extra) => 0);
    |                 ^^^^^
`);

rejects("a handler that is not a function", `
test("t", 5);
`, `
probe.ts:2:11 error TSB1008: the handler must be a function
  2 | test("t", 5);
    |           ^
      hint: pass an arrow function: tracepoint("group:name", (ctx) => { … })
`);

rejects("a handler name that is not declared", `
test("t", missing);
`, `
probe.ts:2:11 error TSB1008: 'missing' is not a function declared in the probe
  2 | test("t", missing);
    |           ^^^^^^^
`);

rejects("attach declarations inside a handler", `
test("t", () => {
  tracepoint("syscalls:sys_enter_openat", () => {});
  return 0;
});
`, `
probe.ts:3:3 error TSB2204: 'tracepoint' from @ts-bpf/probes cannot be called in kernel code
  3 |   tracepoint("syscalls:sys_enter_openat", () => {});
    |   ^^^^^^^^^^
      hint: attach declarations belong at the top level of the probe
`);

rejects("a tracepoint name that is not a literal", `
const name = "syscalls:sys_enter_openat";
tracepoint(name, (ctx) => {});
`, `
probe.ts:3:12 error TSB1002: tracepoint() needs the tracepoint's name as a string literal
  3 | tracepoint(name, (ctx) => {});
    |            ^^^^
      hint: the compiler must know the attach point when it compiles
`);

rejects("a probe that attaches nothing", `
const m = new HashMap<u32, u32>({ entries: 4 });
`, `
probe.ts:1:1 error TSB1006: the probe attaches nothing
  1 | import { ArrayMap, Count, HashMap, Histogram, RingBuf, test, tracepoint, uprobe, u8, u16, u32, u64, i32, i64, type bool, type Arr, type str, pid, readUser, printk, kstack } from "@ts-bpf/probes";
    | ^
      hint: call tracepoint(), uprobe(), … from @ts-bpf/probes at the top level
`);
