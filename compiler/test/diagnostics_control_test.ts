/**
 * Diagnostics for control flow the verifier cannot prove safe, and for calls: unbounded or
 * non-constant loops, recursion, nesting, function signatures, switch labels, and the 512-byte
 * stack budget. Each test asserts the whole rendered diagnostic.
 */
import { rejects } from "./diagnostic_cases.ts";

rejects("while loops", `
test("t", () => {
  let i: u32 = 0;
  while (i < 10) i++;
  return i;
});
`, `
probe.ts:4:3 error TSB2702: while loops have no bound the verifier can prove
  4 |   while (i < 10) i++;
    |   ^^^^^^^^^^^^^^^^^^^
      hint: write for (let i = 0; i < N; i++) with a constant N, and break out early
`);

rejects("do-while loops", `
test("t", () => {
  let i: u32 = 0;
  do { i++; } while (i < 10);
  return i;
});
`, `
probe.ts:4:3 error TSB2702: do…while loops have no bound the verifier can prove
  4 |   do { i++; } while (i < 10);
    |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: write for (let i = 0; i < N; i++) with a constant N, and break out early
`);

rejects("for…of loops", `
test("t", () => {
  const a: Arr<u32, 2> = [1, 2];
  let s: u32 = 0;
  for (const x of a) s += x;
  return s;
});
`, `
probe.ts:5:3 error TSB2702: for…in and for…of cannot run in the kernel
  5 |   for (const x of a) s += x;
    |   ^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: iterate with for (let i = 0; i < N; i++) over a fixed-size Arr
`);

rejects("for loops whose bound is not a constant", `
test("t", (ctx) => {
  let s: u32 = 0;
  for (let i: u32 = 0; i < u32(ctx.arg(0)); i++) s += i;
  return s;
});
`, `
probe.ts:4:24 error TSB2712: the loop bound must be a constant
  4 |   for (let i: u32 = 0; i < u32(ctx.arg(0)); i++) s += i;
    |                        ^^^^^^^^^^^^^^^^^^^
      hint: write for (let i = 0; i < N; i++) with a constant N (up to 2^20), and break early
`);

rejects("for loops without a test", `
test("t", () => {
  let s: u32 = 0;
  for (let i: u32 = 0; ; i++) s += i;
  return s;
});
`, `
probe.ts:4:3 error TSB2712: this loop has no bound the compiler can prove
  4 |   for (let i: u32 = 0; ; i++) s += i;
    |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: write for (let i = 0; i < N; i++) with a constant N (up to 2^20), and break early
`);

rejects("for loops that count down", `
test("t", () => {
  let s: u32 = 0;
  for (let i: u32 = 10; i < 20; i--) s += i;
  return s;
});
`, `
probe.ts:4:33 error TSB2712: the loop must step 'i' upwards (i++)
  4 |   for (let i: u32 = 10; i < 20; i--) s += i;
    |                                 ^^^
      hint: write for (let i = 0; i < N; i++) with a constant N (up to 2^20), and break early
`);

rejects("!== loops that step by more than one", `
test("t", () => {
  let n: u32 = 0;
  for (let i: u32 = 0; i !== 9; i += 2) n++;
  return n;
});
`, `
probe.ts:4:33 error TSB2712: a loop tested with '!==' must step by 1
  4 |   for (let i: u32 = 0; i !== 9; i += 2) n++;
    |                                 ^^^^^^
      hint: write i < 9: a larger step can skip the bound
`);

rejects("loop bounds above 2^20", `
test("t", () => {
  let s: u32 = 0;
  for (let i: u32 = 0; i < 5000000; i++) s += i;
  return s;
});
`, `
probe.ts:4:28 error TSB2713: the loop bound 5000000 is too large for the verifier
  4 |   for (let i: u32 = 0; i < 5000000; i++) s += i;
    |                            ^^^^^^^
      hint: bound it by 1048576 or less; large iterations belong in a map-driven design
`);

rejects("labelled loops", `
test("t", () => {
  outer: for (let i: u32 = 0; i < 4; i++) {
    for (let j: u32 = 0; j < 4; j++) break outer;
  }
  return 0;
});
`, `
probe.ts:3:3 error TSB2701: labelled statements are not supported in kernel code
  3 |   outer: for (let i: u32 = 0; i < 4; i++) {
    |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: to leave nested loops, move them into a function declared in the probe and return
`);

rejects("recursion", `
function fact(n: u32): u32 {
  return n === 0 ? 1 : n * fact(n - 1);
}
test("t", (ctx) => fact(u32(ctx.arg(0))));
`, `
probe.ts:3:28 error TSB2601: 'fact' calls itself (recursion)
  3 |   return n === 0 ? 1 : n * fact(n - 1);
    |                            ^^^^^^^^^^^
      hint: eBPF has no unbounded call stack: rewrite it as a bounded loop
`);

rejects("mutual recursion", `
function even(n: u32): u32 {
  return n === 0 ? 1 : odd(n - 1);
}
function odd(n: u32): u32 {
  return n === 0 ? 0 : even(n - 1);
}
test("t", (ctx) => even(u32(ctx.arg(0))));
`, `
probe.ts:6:24 error TSB2601: 'even' calls itself (recursion)
  6 |   return n === 0 ? 0 : even(n - 1);
    |                        ^^^^^^^^^^^
      hint: eBPF has no unbounded call stack: rewrite it as a bounded loop
`);

rejects("calls nested more than eight deep", `
function f1(x: u32): u32 { return f2(x); }
function f2(x: u32): u32 { return f3(x); }
function f3(x: u32): u32 { return f4(x); }
function f4(x: u32): u32 { return f5(x); }
function f5(x: u32): u32 { return f6(x); }
function f6(x: u32): u32 { return f7(x); }
function f7(x: u32): u32 { return f8(x); }
function f8(x: u32): u32 { return f9(x); }
function f9(x: u32): u32 { return f10(x); }
function f10(x: u32): u32 { return x; }
test("t", () => f1(1));
`, `
probe.ts:9:35 error TSB2602: calls nest more than 8 deep
  9 | function f8(x: u32): u32 { return f9(x); }
    |                                   ^^^^^
      hint: every call is inlined into the handler: flatten the chain of calls
`);

rejects("calls with the wrong number of arguments", `
function add(a: u32, b: u32): u32 {
  return a + b;
}
test("t", () => add(1));
`, `
probe.ts:5:17 error TSB2604: 'add' takes 2 arguments, got 1
  5 | test("t", () => add(1));
    |                 ^^^^^^
`);

rejects("function parameters without a type", `
function twice(a) {
  return a * 2;
}
test("t", () => twice(1));
`, `
probe.ts:2:16 error TSB2606: parameter 'a' of 'twice' needs a type
  2 | function twice(a) {
    |                ^
      hint: the compiler lays out values by their declared type: write (a: u32) or another DSL type
`);

rejects("functions that return a struct", `
interface P { a: u32 }
function make(): P {
  return { a: 1 };
}
test("t", () => make().a);
`, `
probe.ts:3:16 error TSB2605: functions returning structs are not supported yet
  3 | function make(): P {
    |                ^^^
      hint: pass a struct to fill, or return integers
`);

rejects("a void function that returns a value", `
function f(): void {
  return 1;
}
test("t", () => {
  f();
  return 0;
});
`, `
probe.ts:3:10 error TSB2710: 'f' is declared to return nothing
  3 |   return 1;
    |          ^
`);

rejects("switch cases that are not constants", `
test("t", (ctx) => {
  const y = u32(ctx.arg(1));
  switch (u32(ctx.arg(0))) {
    case y: return 1;
  }
  return 0;
});
`, `
probe.ts:5:10 error TSB2714: case labels must be constants
  5 |     case y: return 1;
    |          ^
`);

rejects("a 600-byte local, naming it as the largest", `
test("t", () => {
  const buf: Arr<u8, 600> = [];
  buf[0] = 1;
  return buf[0]!;
});
`, `
probe.ts:2:1 error TSB3001: 't' needs 600 bytes of stack; eBPF allows 512
  2 | test("t", () => {
    | ^^^^^^^^^^^^^^^^^
      hint: the largest are local 'buf' (600 bytes): make them smaller, or keep large buffers in a per-CPU array map
`);

rejects("a struct argument of another type", `
interface A { x: u32 }
interface B { x: u32 }
function f(a: A): u32 { return a.x; }
test("t", () => {
  const b: B = { x: 1 };
  return f(b);
});
`, `
probe.ts:7:12 error TSB2607: 'f' takes A for 'a', not a B
  7 |   return f(b);
    |            ^
`);

rejects("an unchecked map lookup passed to a function", `
interface A { x: u32 }
const m = new HashMap<u32, A>({ entries: 4 });
function f(a: A): u32 { return a.x; }
test("t", () => f(m.get(1)));
`, `
probe.ts:5:19 error TSB2104: this map lookup may be undefined
  5 | test("t", () => f(m.get(1)));
    |                   ^^^^^^^^
      hint: store the lookup in a const and check it for undefined before use
`);
