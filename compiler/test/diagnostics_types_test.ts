/**
 * Diagnostics for types and values: structs and their fields, arrays and indexes, integer
 * ranges and signedness, type annotations the kernel has no layout for, and assignments to
 * what cannot change. Each test asserts the whole rendered diagnostic.
 */
import { rejects } from "./diagnostic_cases.ts";

rejects("computed property names on a struct", `
interface P { a: u32; b: u32 }
test("t", () => {
  const p: P = { a: 1, b: 2 };
  return p["a"];
});
`, `
probe.ts:5:10 error TSB2207: computed property names cannot run in the kernel
  5 |   return p["a"];
    |          ^^^^^^
      hint: write the field by name: .a
`);

rejects("array indexes that are not constants", `
test("t", (ctx) => {
  const a: Arr<u32, 4> = [1, 2, 3, 4];
  return a[u32(ctx.arg(0))]!;
});
`, `
probe.ts:4:12 error TSB2208: array indexes in kernel code must be constants
  4 |   return a[u32(ctx.arg(0))]!;
    |            ^^^^^^^^^^^^^^^
      hint: the verifier must see that every access is in bounds: use a constant index, or a switch over the indexes you need
`);

rejects("constant array indexes out of bounds", `
test("t", () => {
  const a: Arr<u32, 4> = [1, 2, 3, 4];
  return a[4]!;
});
`, `
probe.ts:4:12 error TSB2209: index 4 is out of bounds (length 4)
  4 |   return a[4]!;
    |            ^
      hint: valid indexes are 0 … 3
`);

rejects("reading an unknown struct field", `
interface P { a: u32; b: u32 }
test("t", () => {
  const p: P = { a: 1, b: 2 };
  return p.c;
});
`, `
probe.ts:5:12 error TSB2206: P has no field 'c'
  5 |   return p.c;
    |            ^
      hint: its fields are: a, b
`);

rejects("an unknown field in a struct literal", `
interface P { a: u32; b: u32 }
test("t", () => {
  const p: P = { a: 1, b: 2, c: 3 };
  return p.a;
});
`, `
probe.ts:4:30 error TSB2206: P has no field 'c'
  4 |   const p: P = { a: 1, b: 2, c: 3 };
    |                              ^
      hint: its fields are: a, b
`);

rejects("a struct literal with missing fields", `
interface P { a: u32; b: u32; c: u32 }
test("t", () => {
  const p: P = { a: 1 };
  return p.a;
});
`, `
probe.ts:4:16 error TSB2212: missing fields b, c of P
  4 |   const p: P = { a: 1 };
    |                ^^^^^^^^
      hint: kernel records have every field; set them all
`);

rejects("an object literal without a struct type", `
test("t", () => {
  const p = { a: 1 };
  return 0;
});
`, `
probe.ts:3:13 error TSB2210: an object literal needs a struct type here
  3 |   const p = { a: 1 };
    |             ^^^^^^^^
      hint: annotate the variable (const e: Event = { … }) or pass it where a struct is expected
`);

rejects("an array literal without an Arr type", `
test("t", () => {
  const a = [1, 2, 3];
  return 0;
});
`, `
probe.ts:3:13 error TSB2216: an array literal needs an Arr<T, N> type here
  3 |   const a = [1, 2, 3];
    |             ^^^^^^^^^
      hint: annotate the variable or field: const a: Arr<u32, 4> = [1, 2, 3, 4]
`);

rejects("a struct where an integer is expected", `
interface P { a: u32 }
test("t", () => {
  const p: P = { a: 1 };
  return p;
});
`, `
probe.ts:5:10 error TSB2103: expected an integer here, found a P
  5 |   return p;
    |          ^
`);

rejects("mixing signed and unsigned operands", `
test("t", (ctx) => {
  const a = u32(ctx.arg(0));
  const b = i32(ctx.arg(1));
  return a < b ? 1 : 0;
});
`, `
probe.ts:5:10 error TSB2102: this mixes u32 and i32: signed and unsigned compare and divide differently
  5 |   return a < b ? 1 : 0;
    |          ^^^^^
      hint: convert one side explicitly, e.g. u32(x) or i32(x)
`);

rejects("a literal too large for its type", `
test("t", () => {
  const x: u8 = 256;
  return x;
});
`, `
probe.ts:3:17 error TSB2101: 256 does not fit in u8 (0 … 255)
  3 |   const x: u8 = 256;
    |                 ^^^
      hint: use a wider type, or convert explicitly with u8(…) to wrap
`);

rejects("a negative literal for an unsigned type", `
test("t", () => {
  const x: u32 = -1;
  return x;
});
`, `
probe.ts:3:18 error TSB2101: -1 does not fit in u32 (0 … 4294967295)
  3 |   const x: u32 = -1;
    |                  ^^
      hint: use a wider type, or convert explicitly with u32(…) to wrap
`);

rejects("arithmetic on bool values", `
test("t", (ctx) => {
  const a: bool = ctx.arg(0) > 0n;
  const b: bool = ctx.arg(1) > 0n;
  return a + b;
});
`, `
probe.ts:5:10 error TSB2106: arithmetic on bool values
  5 |   return a + b;
    |          ^^^^^
      hint: use an integer type
`);

rejects(">>> on a signed type", `
test("t", (ctx) => {
  const x = i32(ctx.arg(0));
  return x >>> 1;
});
`, `
probe.ts:4:10 error TSB2107: '>>>' on a signed type
  4 |   return x >>> 1;
    |          ^^^^^^^
      hint: use '>>' (arithmetic for signed types, logical for unsigned), or convert to an unsigned type first
`);

rejects("?: branches of different types", `
test("t", (ctx) => {
  const a = u32(ctx.arg(0));
  const b = u64(ctx.arg(1));
  return ctx.arg(2) ? a : b;
});
`, `
probe.ts:5:10 error TSB2109: both branches of '?:' must have the same type
  5 |   return ctx.arg(2) ? a : b;
    |          ^^^^^^^^^^^^^^^^^^
      hint: convert one of them explicitly
`);

rejects("a ?: literal that does not fit the declared type", `
test("t", (ctx) => {
  const r: u8 = ctx.arg(0) ? 300 : 1;
  return r;
});
`, `
probe.ts:3:30 error TSB2101: 300 does not fit in u8 (0 … 255)
  3 |   const r: u8 = ctx.arg(0) ? 300 : 1;
    |                              ^^^
      hint: use a wider type, or convert explicitly with u8(…) to wrap
`);

rejects("comparing a non-lookup with undefined", `
test("t", (ctx) => {
  const a = u32(ctx.arg(0));
  return a === undefined ? 1 : 0;
});
`, `
probe.ts:4:10 error TSB2108: only map lookups can be compared with undefined
  4 |   return a === undefined ? 1 : 0;
    |          ^^^^^^^^^^^^^^^
`);

rejects("comparing structs with ===", `
interface P { a: u32 }
test("t", () => {
  const p: P = { a: 1 };
  const q: P = { a: 1 };
  return p === q ? 1 : 0;
});
`, `
probe.ts:6:10 error TSB2103: a P cannot be compared: only integers and bools can
  6 |   return p === q ? 1 : 0;
    |          ^^^^^^^
      hint: compare the fields one by one
`);

rejects("comparing a bool with an integer", `
test("t", (ctx) => {
  const b: bool = ctx.arg(0) > 0n;
  return b === 1 ? 1 : 0;
});
`, `
probe.ts:4:10 error TSB2106: this compares a bool with an integer
  4 |   return b === 1 ? 1 : 0;
    |          ^^^^^^^
      hint: compare bools with bools (flag === true), or use the bool as a condition
`);

rejects("ordering bools with <", `
test("t", (ctx) => {
  const a: bool = ctx.arg(0) > 0n;
  const b: bool = ctx.arg(1) > 0n;
  return a < b ? 1 : 0;
});
`, `
probe.ts:5:10 error TSB2106: bools have no order: '<' cannot compare them
  5 |   return a < b ? 1 : 0;
    |          ^^^^^
      hint: use === or !==
`);

rejects("a bigint literal above 64 bits", `
test("t", () => {
  const x: u64 = 0x1ffffffffffffffffn;
  return 0;
});
`, `
probe.ts:3:18 error TSB2101: 36893488147419103231 does not fit in 64 bits
  3 |   const x: u64 = 0x1ffffffffffffffffn;
    |                  ^^^^^^^^^^^^^^^^^^^^
      hint: the largest u64 is 0xffffffffffffffffn
`);

rejects("the number type", `
test("t", (ctx) => {
  const x: number = 5;
  return x;
});
`, `
probe.ts:3:12 error TSB2003: 'number' has no width in the kernel
  3 |   const x: number = 5;
    |            ^^^^^^
      hint: use an integer type from @ts-bpf/probes: u8, u16, u32, i32, …
`);

rejects("the bigint type", `
test("t", (ctx) => {
  const x: bigint = 5n;
  return x;
});
`, `
probe.ts:3:12 error TSB2003: 'bigint' has no width in the kernel
  3 |   const x: bigint = 5n;
    |            ^^^^^^
      hint: use u64 or i64
`);

rejects("unknown type names", `
test("t", (ctx) => {
  const x: Foo = 5;
  return 0;
});
`, `
probe.ts:3:12 error TSB2006: unknown type 'Foo' in kernel code
  3 |   const x: Foo = 5;
    |            ^^^
      hint: declare it as an interface in the probe, or import it from @ts-bpf/probes
`);

rejects("optional struct members", `
interface P { a: u32; b?: u32 }
const m = new HashMap<u32, P>({ entries: 8 });
test("t", () => 0);
`, `
probe.ts:2:23 error TSB2008: member 'b' is optional
  2 | interface P { a: u32; b?: u32 }
    |                       ^^^^^^^
      hint: kernel records have every field; remove the '?'
`);

rejects("a struct that contains itself", `
interface Node { next: Node; v: u32 }
const m = new HashMap<u32, Node>({ entries: 8 });
test("t", () => 0);
`, `
probe.ts:2:1 error TSB2007: struct 'Node' contains itself
  2 | interface Node { next: Node; v: u32 }
    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      hint: kernel structs have a fixed size; use an id or a pointer (u64) instead
`);

rejects("str<0>", `
interface E { name: str<0> }
const m = new HashMap<u32, E>({ entries: 4 });
test("t", () => 0);
`, `
probe.ts:2:25 error TSB2005: str<…> needs a positive integer literal size
  2 | interface E { name: str<0> }
    |                         ^
`);

rejects("assigning a const", `
test("t", () => {
  const x: u32 = 1;
  x = 2;
  return x;
});
`, `
probe.ts:4:3 error TSB2213: 'x' is a const
  4 |   x = 2;
    |   ^
      hint: declare it with let
`);

rejects("assigning a top-level constant", `
const LIMIT = 10;
test("t", () => {
  LIMIT = 5;
  return 0;
});
`, `
probe.ts:4:3 error TSB2213: 'LIMIT' is a top-level constant and cannot be assigned
  4 |   LIMIT = 5;
    |   ^^^^^
`);

rejects("declaring a name twice in one block", `
test("t", () => {
  const x: u32 = 1;
  const x: u32 = 2;
  return x;
});
`, `
probe.ts:4:9 error TSB2707: 'x' is already declared in this block
  4 |   const x: u32 = 2;
    |         ^^^^^^
      hint: give it another name, or assign to the existing one (declared with let)
`);

rejects("a let with neither type nor value", `
test("t", () => {
  let x;
  return 0;
});
`, `
probe.ts:3:7 error TSB2706: 'x' needs a type or an initial value
  3 |   let x;
    |       ^
`);
