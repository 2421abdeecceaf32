/**
 * Diagnostics for maps, aggregations and helpers: null checks on lookups, key, value and
 * record types, methods each kind has, map options, and helper arguments. Each test asserts
 * the whole rendered diagnostic.
 */
import { rejects } from "./diagnostic_cases.ts";

rejects("a map lookup used without a null check", `
const m = new HashMap<u32, u64>({ entries: 8 });
test("t", () => {
  const v = m.get(1);
  return v + 1n;
});
`, `
probe.ts:5:10 error TSB2104: 'v' may be undefined here: the map may have no entry for the key
  5 |   return v + 1n;
    |          ^
      hint: check it first: if (v !== undefined) { … }
`);

rejects("a map lookup asserted with ! instead of checked", `
const m = new HashMap<u32, u64>({ entries: 8 });
test("t", () => {
  return m.get(1)! + 1n;
});
`, `
probe.ts:4:10 error TSB2104: '!' does not check a map lookup: it may still be undefined
  4 |   return m.get(1)! + 1n;
    |          ^^^^^^^^^
      hint: keep the lookup in a const and test it: if (v !== undefined) { … }
`);

rejects("a map lookup kept in a let", `
const m = new HashMap<u32, u64>({ entries: 8 });
test("t", () => {
  let v = m.get(1);
  return 0;
});
`, `
probe.ts:4:11 error TSB2708: keep map lookups in a const
  4 |   let v = m.get(1);
    |           ^^^^^^^^
      hint: the compiler tracks null checks on consts
`);

rejects("a key of the wrong type", `
interface Flow { port: u16; addr: u32 }
const bytes = new HashMap<Flow, u64>({ entries: 8 });
test("t", () => {
  bytes.set(80, 1n);
  return 0;
});
`, `
probe.ts:5:13 error TSB2105: map 'bytes' has Flow keys, found an integer literal
  5 |   bytes.set(80, 1n);
    |             ^^
`);

rejects("a value of the wrong type", `
interface Flow { port: u16; addr: u32 }
const m = new HashMap<u32, u64>({ entries: 8 });
test("t", () => {
  const f: Flow = { port: 1, addr: 2 };
  m.set(1, f);
  return 0;
});
`, `
probe.ts:6:12 error TSB2105: map 'm' has u64 values, found a Flow
  6 |   m.set(1, f);
    |            ^
`);

rejects("a ring buffer record of another struct type", `
interface E { a: u32; b: u32 }
interface Sample { x: u64 }
const events = new RingBuf<E>({ bytes: 4096 });
test("t", () => {
  const f: Sample = { x: 1n };
  events.emit(f);
  return 0;
});
`, `
probe.ts:7:15 error TSB2105: ring buffer 'events' takes E records, found a Sample
  7 |   events.emit(f);
    |               ^
`);

rejects("ArrayMap.delete", `
const a = new ArrayMap<u64>({ entries: 4 });
test("t", () => {
  a.delete(0);
  return 0;
});
`, `
probe.ts:4:5 error TSB2501: ArrayMap has no kernel method 'delete'
  4 |   a.delete(0);
    |     ^^^^^^
      hint: use get(), set()
`);

rejects("a method the aggregation does not have", `
const c = new Count();
test("t", () => {
  c.add(1n);
  return 0;
});
`, `
probe.ts:4:5 error TSB2501: Count has no kernel method 'add'
  4 |   c.add(1n);
    |     ^^^
      hint: use increment()
`);

rejects("a keyed aggregation updated without a key", `
const c = new Count<u32>();
test("t", () => {
  c.increment();
  return 0;
});
`, `
probe.ts:4:3 error TSB2503: 'c' is keyed: pass the key
  4 |   c.increment();
    |   ^^^^^^^^^^^^^
      hint: it was declared new Count<u32>(…)
`);

rejects("a keyless aggregation given a key", `
const c = new Count();
test("t", () => {
  c.increment(5);
  return 0;
});
`, `
probe.ts:4:15 error TSB2503: 'c' is keyless: it takes no key
  4 |   c.increment(5);
    |               ^
      hint: to aggregate per key, declare a key type: new Count<u32>(…)
`);

rejects("a ring buffer size that is not a power of two", `
interface E { a: u32 }
const events = new RingBuf<E>({ bytes: 1000 });
test("t", () => 0);
`, `
probe.ts:3:7 error TSB1004: ring buffer 'events' needs { bytes: N } with N a power of two of at least 4096
  3 | const events = new RingBuf<E>({ bytes: 1000 });
    |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
`);

rejects("countLost that is not a boolean", `
interface E { a: u32 }
const events = new RingBuf<E>({ bytes: 4096, countLost: 0 });
test("t", () => 0);
`, `
probe.ts:3:7 error TSB1004: ring buffer 'events' needs { countLost: true | false } as a literal
  3 | const events = new RingBuf<E>({ bytes: 4096, countLost: 0 });
    |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
`);

rejects("a map with zero entries", `
const m = new HashMap<u32, u32>({ entries: 0 });
test("t", () => 0);
`, `
probe.ts:2:7 error TSB1004: map 'm' needs { entries: N } with a positive integer constant
  2 | const m = new HashMap<u32, u32>({ entries: 0 });
    |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
`);

rejects("LinearHistogram options with max below min", `
import { LinearHistogram, test } from "@ts-bpf/probes";
const l = new LinearHistogram({ min: 10, max: 5, step: 1 });
test("t", () => 0);
`, `
probe.ts:2:7 error TSB1004: LinearHistogram needs constant { min, max, step } with max > min and step > 0
  2 | const l = new LinearHistogram({ min: 10, max: 5, step: 1 });
    |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
`);

rejects("a Min whose value type is not an integer", `
import { Min, test, type str, type u32 } from "@ts-bpf/probes";
const m = new Min<u32, str<8>>();
test("t", () => 0);
`, `
probe.ts:2:24 error TSB2103: Min 'm' records integers: its value type must be one of u8..u64 or i8..i64, not str<8>
  2 | const m = new Min<u32, str<8>>();
    |                        ^^^^^^
`);

rejects("readUser() without a type", `
test("t", (ctx) => {
  const v = readUser(ctx.arg(0));
  return 0;
});
`, `
probe.ts:3:13 error TSB2404: readUser() needs the type to read: an integer, a struct or an array
  3 |   const v = readUser(ctx.arg(0));
    |             ^^^^^^^^^^^^^^^^^^^^
      hint: write readUser<u32>(address), readUser<MyStruct>(address), or assign it to a typed variable
`);

rejects("string reads larger than 4096 bytes", `
import { readUserStr, test } from "@ts-bpf/probes";
test("t", (ctx) => {
  const s = readUserStr(ctx.arg(0), 8192);
  return 0;
});
`, `
probe.ts:3:37 error TSB2403: string reads are 1 to 4096 bytes
  3 |   const s = readUserStr(ctx.arg(0), 8192);
    |                                     ^^^^
`);

rejects("printk() with more than three values", `
test("t", () => {
  printk("%d %d %d %d", 1, 2, 3, 4);
  return 0;
});
`, `
probe.ts:3:3 error TSB2407: printk() takes at most 3 values after the format
  3 |   printk("%d %d %d %d", 1, 2, 3, 4);
    |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
`);

rejects("kernelOffset() of names that are not string literals", `
import { kernelOffset, test } from "@ts-bpf/probes";
const member = "tgid";
test("t", () => kernelOffset("task_struct", member) === 0n ? 1 : 0);
`, `
probe.ts:3:17 error TSB2408: kernelOffset() takes two string literals: a struct's name and a member's path
  3 | test("t", () => kernelOffset("task_struct", member) === 0n ? 1 : 0);
    |                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: write kernelOffset("task_struct", "files") or kernelOffset("sock", "__sk_common.skc_dport")
`);

rejects("kernelOffset() of a member the kernel's struct does not have", `
import { kernelOffset, test } from "@ts-bpf/probes";
test("t", () => kernelOffset("task_struct", "tgidd") === 0n ? 1 : 0);
`, `
probe.ts:2:17 error TSB2409: kernelOffset("task_struct", "tgidd"): struct 'task_struct' (type id 201) has no member 'tgidd'
  2 | test("t", () => kernelOffset("task_struct", "tgidd") === 0n ? 1 : 0);
    |                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: names are C's, from the kernel's BTF: 'bpftool btf dump file /sys/kernel/btf/vmlinux' lists them
`);

rejects("kernelOffset() when the compile was given no kernel types", `
import { kernelOffset, test } from "@ts-bpf/probes";
test("t", () => kernelOffset("task_struct", "tgid") === 0n ? 1 : 0);
`, `
probe.ts:2:17 error TSB2409: kernelOffset() needs the kernel's types, and this compile was given none
  2 | test("t", () => kernelOffset("task_struct", "tgid") === 0n ? 1 : 0);
    |                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: compile with tsbpf on a kernel with /sys/kernel/btf/vmlinux (CONFIG_DEBUG_INFO_BTF), or pass --btf <file> with a copy of it
`, { kernelTypes: false });

rejects("kstack() of a map that is not a StackTraceMap", `
const m = new HashMap<u32, u32>({ entries: 4 });
test("t", () => kstack(m));
`, `
probe.ts:3:24 error TSB2405: kstack() needs a StackTraceMap
  3 | test("t", () => kstack(m));
    |                        ^
`);

rejects("a map option that is not a constant is reported, not replaced by the default", `
interface E { pid: u32 }
let bytes = 1 << 20;
const events = new RingBuf<E>({ bytes: bytes * 2 });
test("t", () => 0);
`, `
probe.ts:4:40 error TSB1011: option 'bytes' must be a constant the compiler can evaluate
  4 | const events = new RingBuf<E>({ bytes: bytes * 2 });
    |                                        ^^^^^^^^^
      hint: use a literal, integer arithmetic on literals (1 << 20, 4 * 1024), or a top-level const holding one
`);
