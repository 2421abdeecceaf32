/**
 * Diagnostics for JavaScript that is not kernel code: floating point, userspace state, the
 * JavaScript library, strings, allocation, exceptions, closures and operators the kernel has no
 * meaning for. Each test compiles a rejected probe and asserts the whole rendered diagnostic:
 * location, code, message, source line, caret and hint. The other diagnostics_*_test.ts files
 * cover loops and calls, types, maps, and attach declarations.
 */
import { rejects } from "./diagnostic_cases.ts";

rejects("floating-point literals", `
test("t", () => {
  const x = 1.5;
  return 0;
});
`, `
probe.ts:3:13 error TSB2001: floating-point numbers cannot run in the kernel
  3 |   const x = 1.5;
    |             ^^^
      hint: use integers: scale the value (e.g. milliseconds → nanoseconds as u64)
`);

rejects("reading a userspace variable (a closure over userspace state)", `
let count = 0;
test("t", () => {
  return count;
});
`, `
probe.ts:4:10 error TSB2204: 'count' is a userspace variable: kernel code cannot see it
  4 |   return count;
    |          ^^^^^
      hint: share state with the kernel through a map (HashMap, ArrayMap), or make it a top-level integer const
`);

rejects("assigning a userspace variable", `
let seen = 0;
test("t", () => {
  seen = 1;
  return 0;
});
`, `
probe.ts:4:3 error TSB2204: 'seen' is not a local of this handler
  4 |   seen = 1;
    |   ^^^^
      hint: kernel code cannot change userspace variables; use a map to share state
`);

rejects("Math calls", `
test("t", (ctx) => {
  return Math.max(u32(ctx.arg(0)), 3);
});
`, `
probe.ts:3:10 error TSB2204: 'Math.max()' is JavaScript's library: it does not run in the kernel
  3 |   return Math.max(u32(ctx.arg(0)), 3);
    |          ^^^^^^^^
      hint: write it with integer operators (a > b ? a : b) or a function declared in the probe
`);

rejects("console.log", `
test("t", () => {
  console.log("hi");
  return 0;
});
`, `
probe.ts:3:3 error TSB2204: 'console.log()' is JavaScript's library: it does not run in the kernel
  3 |   console.log("hi");
    |   ^^^^^^^^^^^
      hint: for debug output use printk() from @ts-bpf/probes; to send data to userspace, emit a record to a RingBuf
`);

rejects("JavaScript global functions such as parseInt", `
test("t", () => {
  return parseInt("5");
});
`, `
probe.ts:3:10 error TSB2204: 'parseInt()' is JavaScript's library: it does not run in the kernel
  3 |   return parseInt("5");
    |          ^^^^^^^^
      hint: parse in userspace, or pass the number in through a map
`);

rejects("string values", `
test("t", () => {
  const s = "hello";
  return 0;
});
`, `
probe.ts:3:13 error TSB2002: a string value cannot be used here in kernel code
  3 |   const s = "hello";
    |             ^^^^^^^
      hint: strings in the kernel are fixed-size fields (str<N>) read with readUserStr/comm()
`);

rejects("template strings", `
test("t", (ctx) => {
  const s = \`pid \${pid()}\`;
  return 0;
});
`, `
probe.ts:3:13 error TSB2202: a template string cannot run in the kernel
  3 |   const s = \`pid \${pid()}\`;
    |             ^^^^^^^^^^^^^^
      hint: kernel handlers take integers, structs, maps and the helpers from @ts-bpf/probes
`);

rejects("null", `
test("t", () => {
  const x = null;
  return 0;
});
`, `
probe.ts:3:13 error TSB2202: null has no meaning in kernel code
  3 |   const x = null;
    |             ^^^^
      hint: use undefined checks on map lookups
`);

rejects("new in a handler", `
test("t", () => {
  const m = new HashMap<u32, u32>({ entries: 4 });
  return 0;
});
`, `
probe.ts:3:13 error TSB2202: 'new' (allocation) cannot run in the kernel
  3 |   const m = new HashMap<u32, u32>({ entries: 4 });
    |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: declare maps at the top level of the probe; kernel code cannot allocate objects
`);

rejects("try/catch", `
test("t", () => {
  try {
    return 1;
  } catch {
    return 0;
  }
});
`, `
probe.ts:3:3 error TSB2703: exceptions cannot run in the kernel
  3 |   try {
    |   ^^^^^
      hint: return early instead; kernel handlers cannot fail
`);

rejects("throw", `
test("t", () => {
  throw new Error("no");
});
`, `
probe.ts:3:3 error TSB2703: exceptions cannot run in the kernel
  3 |   throw new Error("no");
    |   ^^^^^^^^^^^^^^^^^^^^^^
      hint: return early instead; kernel handlers cannot fail
`);

rejects("functions declared inside a handler", `
test("t", () => {
  function helper(): u32 { return 1; }
  return helper();
});
`, `
probe.ts:3:3 error TSB2704: functions declared inside a handler are closures
  3 |   function helper(): u32 { return 1; }
    |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: declare the function at the top level of the probe
`);

rejects("a function used as a value", `
function one(): u32 { return 1; }
test("t", () => {
  const f = one;
  return 0;
});
`, `
probe.ts:4:13 error TSB2203: function 'one' can only be called in kernel code
  4 |   const f = one;
    |             ^^^
      hint: kernel code has no function values
`);

rejects("a helper used as a value", `
test("t", () => {
  const f = pid;
  return 0;
});
`, `
probe.ts:3:13 error TSB2204: 'pid' from @ts-bpf/probes is not a value in kernel code
  3 |   const f = pid;
    |             ^^^
      hint: helpers and conversions are called where they are used: pid(…)
`);

rejects("methods on integers", `
test("t", (ctx) => {
  const x = u32(ctx.arg(0));
  return x.toString();
});
`, `
probe.ts:4:10 error TSB2202: '.toString()' cannot run in the kernel
  4 |   return x.toString();
    |          ^^^^^^^^^^
      hint: kernel values have no methods; only maps and the context do
`);

rejects("properties of integers", `
test("t", (ctx) => {
  const x = u32(ctx.arg(0));
  return x.length;
});
`, `
probe.ts:4:10 error TSB2205: 'length' is not a field of a u32
  4 |   return x.length;
    |          ^^^^^^^^
`);

rejects("typeof", `
test("t", (ctx) => {
  return typeof ctx === "object" ? 1 : 0;
});
`, `
probe.ts:3:10 error TSB2202: 'typeof' cannot run in the kernel
  3 |   return typeof ctx === "object" ? 1 : 0;
    |          ^^^^^^^^^^
`);

rejects("the in operator", `
interface P { a: u32 }
test("t", () => {
  const p: P = { a: 1 };
  return "a" in p ? 1 : 0;
});
`, `
probe.ts:5:10 error TSB2202: the 'in' operator cannot run in the kernel
  5 |   return "a" in p ? 1 : 0;
    |          ^^^^^^^^
      hint: kernel values have no properties to test
`);

rejects("the ** operator", `
test("t", (ctx) => {
  const x = u32(ctx.arg(0));
  return x ** 2;
});
`, `
probe.ts:4:10 error TSB2202: the '**' operator cannot run in the kernel
  4 |   return x ** 2;
    |          ^^^^^^
      hint: write repeated multiplication
`);

rejects("the ?? operator", `
const m = new HashMap<u32, u32>({ entries: 8 });
test("t", () => {
  return m.get(1) ?? 0;
});
`, `
probe.ts:4:10 error TSB2202: '??' cannot run in the kernel
  4 |   return m.get(1) ?? 0;
    |          ^^^^^^^^^^^^^
      hint: check for undefined with if
`);

rejects("optional chaining", `
interface P { a: u32 }
const n = new HashMap<u32, P>({ entries: 8 });
test("t", () => {
  const a = n.get(1)?.a;
  return 0;
});
`, `
probe.ts:5:13 error TSB2201: optional chaining ('?.') is not supported in kernel code
  5 |   const a = n.get(1)?.a;
    |             ^^^^^^^^^^^
      hint: check for undefined with an if statement first
`);

rejects("destructuring", `
interface P { a: u32; b: u32 }
test("t", () => {
  const p: P = { a: 1, b: 2 };
  const { a } = p;
  return a;
});
`, `
probe.ts:5:9 error TSB2705: destructuring is not supported in kernel code
  5 |   const { a } = p;
    |         ^^^^^
      hint: read the fields one by one
`);

rejects("using the value of x++", `
test("t", () => {
  let x: u32 = 1;
  const y = x++;
  return y;
});
`, `
probe.ts:4:13 error TSB2709: an assignment has no value in kernel code
  4 |   const y = x++;
    |             ^^^
      hint: do the update as a statement of its own, then read the variable
`);

rejects("using the value of an assignment", `
test("t", () => {
  let x: u32 = 1;
  const y = (x = 5);
  return y;
});
`, `
probe.ts:4:13 error TSB2709: an assignment has no value in kernel code
  4 |   const y = (x = 5);
    |             ^^^^^^^
      hint: do the update as a statement of its own, then read the variable
`);

rejects("syntax errors", `
test("t", () => {
  return 1 +;
});
`, `
probe.ts:3:13 error TSB1001: Unexpected token
  3 |   return 1 +;
    |             ^
`);
