/**
 * The DSL's integer types. In the kernel every one is a fixed-width machine integer with
 * wrap-around arithmetic; in TypeScript the 8- to 32-bit ones are `number` and the 64-bit ones
 * `bigint`, so a u64 never passes through a double. The compiler tracks widths from the
 * annotations. Arithmetic happens at the operands' width and wraps there, as with Rust's or
 * Go's fixed-width integers (not C's promotion to int): `const n: u8 = 255; n + 1` is 0.
 */

/** Unsigned 8-bit integer. */
export type u8 = number;
/** Unsigned 16-bit integer. */
export type u16 = number;
/** Unsigned 32-bit integer. */
export type u32 = number;
/** Unsigned 64-bit integer: a bigint, so values above 2^53 stay exact. */
export type u64 = bigint;
/** Signed 8-bit integer. */
export type i8 = number;
/** Signed 16-bit integer. */
export type i16 = number;
/** Signed 32-bit integer. */
export type i32 = number;
/** Signed 64-bit integer: a bigint. */
export type i64 = bigint;
/** A boolean, one byte in records. */
export type bool = boolean;

/**
 * A fixed-size, NUL-padded string of `N` bytes (C `char[N]`); decoded to a JS string (at most
 * N - 1 characters). Any `str<M>` may be stored into a `str<N>`: a shorter one is NUL-padded, a
 * longer one cut to N - 1 bytes and a NUL, so the capacity is not part of the type TypeScript
 * checks (a brand naming N refused `str<64>` into a `str<256>` field, which is well defined).
 */
export type str<N extends number> = string & { readonly __fixedString?: true };

/** A fixed-size array of `N` elements (C `T[N]`). */
export type Arr<T, N extends number> = T[] & { readonly __length?: N };

/** Width conversions (truncate or extend, like C casts); they work in userspace code too. */
const unsigned = (bits: number) => (value: number | bigint) => Number(BigInt.asUintN(bits, BigInt(value)));
const signed = (bits: number) => (value: number | bigint) => Number(BigInt.asIntN(bits, BigInt(value)));
export const u8: (value: number | bigint) => u8 = unsigned(8);
export const u16: (value: number | bigint) => u16 = unsigned(16);
export const u32: (value: number | bigint) => u32 = unsigned(32);
export const i8: (value: number | bigint) => i8 = signed(8);
export const i16: (value: number | bigint) => i16 = signed(16);
export const i32: (value: number | bigint) => i32 = signed(32);
export const u64 = (value: number | bigint): u64 => BigInt.asUintN(64, BigInt(value));
export const i64 = (value: number | bigint): i64 => BigInt.asIntN(64, BigInt(value));
