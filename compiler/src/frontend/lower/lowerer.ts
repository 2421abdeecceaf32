/**
 * FunctionLowerer: turns one handler (and the functions it calls, inlined) into an IR function.
 * This file holds the shared state and the conversions every construct needs; expressions,
 * conditions, statements and builtins are lowered in their own modules.
 */
import { IrBuilder } from "../../ir/builder.ts";
import { type Address, imm, reg, type VReg } from "../../ir/ir.ts";
import { fail, type Span } from "../../diagnostics/diagnostic.ts";
import type { Node } from "../ast.ts";
import { alignOf, BOOL, type DslType, I32, type IntType, isAggregate, sameType, sizeOf, typeName,
  U64 } from "../dsl_types.ts";
import type { Attachment, ProbeModule } from "../probe_module.ts";
import type { TracepointFormat } from "../tracepoint_format.ts";
import type { KernelTypes } from "../kernel_types.ts";
import type { TypeResolver } from "../type_resolver.ts";
import type { MapLayouts } from "../map_layouts.ts";
import { checkLiteralFits, normalize, wrapConstant } from "./integers.ts";
import { Scope } from "./scope.ts";
import type { Value } from "./values.ts";

export type ScalarType = Extract<Value, { kind: "scalar" }>["type"];

export interface LoopTargets {
  breakLabel: string;
  continueLabel: string;
}

export interface InlineFrame {
  name: string;
  returnLabel: string;
  result?: VReg;
  resultType?: DslType;
}

export class FunctionLowerer {
  readonly b: IrBuilder;
  scope = new Scope();
  readonly loops: LoopTargets[] = [];
  readonly inlining: InlineFrame[] = [];
  ctxReg!: VReg;

  constructor(
    readonly module: ProbeModule,
    readonly types: TypeResolver,
    readonly maps: MapLayouts,
    readonly attachment: Attachment,
    readonly tracepoint: TracepointFormat | undefined,
    name: string,
    /** The kernel's types, for kernelOffset(); undefined when the compile was given none. */
    readonly kernel?: KernelTypes,
  ) {
    this.b = new IrBuilder(name);
  }

  span(node: Node): Span {
    return { file: this.module.file, start: node.start, end: node.end };
  }

  /** Sets the span of instructions emitted while lowering `node`. */
  at(node: Node): void {
    this.b.span = this.span(node);
  }

  pushScope(): void {
    this.scope = new Scope(this.scope);
  }

  popScope(): void {
    this.scope = this.scope.parent ?? this.scope;
  }

  /** A zeroed stack slot for a value of `type`. Zeroing keeps padding defined for the verifier. */
  tempSlot(type: DslType, name: string, zero = true): number {
    const size = Math.max(sizeOf(type), 1);
    const slot = this.b.slot({ size: Math.ceil(size / 8) * 8, align: Math.max(alignOf(type), 8),
      name, span: this.b.span });
    if (zero) this.zeroSlot(slot, size);
    return slot;
  }

  /**
   * Zeroes the first `size` bytes of a slot in the widest aligned pieces. The slot's rounding
   * to 8 bytes is never read (helpers are given the value's exact size), so it stays as is,
   * and a scalar's zeroing is then exactly covered by its store (dead-store elimination drops it).
   */
  zeroSlot(slot: number, size: number): void {
    this.zeroBytes({ kind: "slot", slot }, 0, size);
  }

  /** Zeroes `size` bytes at addr + off in the widest pieces aligned at their offset. */
  zeroBytes(addr: Address, off: number, size: number): void {
    const end = off + size;
    for (let at = off; at < end;) {
      const piece = ([8, 4, 2, 1] as const).find((p) => at % p === 0 && at + p <= end)!;
      this.b.emit({ op: "store", addr, off: at, size: piece, src: imm(0) });
      at += piece;
    }
  }

  /** The value as a register holding a canonical scalar. */
  toScalar(value: Value, node: Node, expected?: ScalarType): { reg: VReg; type: ScalarType } {
    switch (value.kind) {
      case "scalar":
        return { reg: value.reg, type: value.type };
      case "const": {
        const type = value.type ?? (expected && expected.kind === "int" ? expected : undefined) ??
          (expected?.kind === "bool" ? BOOL as ScalarType : I32);
        if (type.kind === "int" && value.type === undefined) checkLiteralFits(value.value, type, this.span(node));
        const r = this.b.vreg();
        this.b.emit({ op: "mov", dst: r, src: imm(type.kind === "int" ? wrapConstant(value.value, type)
          : value.value), width: 64 });
        return { reg: r, type };
      }
      case "place": {
        if (value.type.kind !== "int" && value.type.kind !== "bool") break;
        const r = this.b.vreg();
        const size = value.type.kind === "bool" ? 1 : value.type.bits / 8;
        this.b.emit({ op: "load", dst: r, addr: value.addr, off: value.off, size: size as 1 | 2 | 4 | 8,
          signed: value.type.kind === "int" && value.type.signed });
        return { reg: r, type: value.type };
      }
      case "maybe":
        return this.toScalar(this.deref(value, node), node, expected);
      default:
        break;
    }
    fail("TSB2103", this.span(node), `expected an integer here, found ${this.describe(value)}`);
  }

  /** A checked map lookup as a place; unchecked ones are a compile error (the verifier's rule). */
  deref(value: Extract<Value, { kind: "maybe" }>, node: Node): Extract<Value, { kind: "place" }> {
    if (!value.local || !this.scope.isChecked(value.local)) {
      fail("TSB2104", this.span(node), value.local
        ? `'${value.local}' may be undefined here: the map may have no entry for the key`
        : "this map lookup may be undefined",
        value.local ? `check it first: if (${value.local} !== undefined) { … }`
          : "store the lookup in a const and check it for undefined before use");
    }
    return { kind: "place", type: value.type, addr: { kind: "reg", reg: value.ptr }, off: 0 };
  }

  /** Converts a scalar to another integer type with C-cast semantics (wrap or extend). */
  convert(from: { reg: VReg; type: ScalarType }, to: IntType): VReg {
    const r = this.b.vreg();
    this.b.emit({ op: "mov", dst: r, src: reg(from.reg), width: 64 });
    const source = from.type.kind === "bool" ? { bits: 8, signed: false } : from.type;
    // A canonical value stays canonical when it widens without changing how its sign reads.
    const stays = to.bits === 64 ||
      (source.bits < to.bits && (!source.signed || to.signed));
    if (!stays) normalize(this.b, r, to);
    return r;
  }

  /** Stores a value of `type` at addr + off (copying aggregates byte-exact). */
  storeValue(type: DslType, addr: Address, off: number, value: Value, node: Node): void {
    if (type.kind === "int" || type.kind === "bool") {
      const size = (type.kind === "bool" ? 1 : type.bits / 8) as 1 | 2 | 4 | 8;
      if (value.kind === "const") {
        if (type.kind === "int" && value.type === undefined) checkLiteralFits(value.value, type, this.span(node));
        this.b.emit({ op: "store", addr, off, size, src: imm(value.value) });
        return;
      }
      const s = this.toScalar(value, node, type);
      const r = s.type.kind === "int" && type.kind === "int" && (s.type.bits !== type.bits ||
        s.type.signed !== type.signed) ? this.convertChecked(s, type, node) : s.reg;
      this.b.emit({ op: "store", addr, off, size, src: reg(r) });
      return;
    }
    const source = value.kind === "maybe" ? this.deref(value, node) : value;
    // Strings of another capacity copy (truncated or padded); structs and arrays must be the
    // very type expected, or bytes of one layout would be read as another.
    if (source.kind !== "place" || source.type.kind !== type.kind ||
      (type.kind !== "str" && !sameType(source.type, type))) {
      fail("TSB2105", this.span(node), `expected ${article(typeName(type))} here, found ${this.describe(value)}`);
    }
    if (type.kind === "str" && sizeOf(source.type) > sizeOf(type)) {
      // A longer string is cut to leave its NUL, as a string read into the field would be: the
      // bytes in the kernel are then what userspace shows (two keys cut to the same text are
      // one key, not two rows that print alike).
      this.copyBytes(addr, off, source.addr, source.off, sizeOf(type) - 1);
      this.b.emit({ op: "store", addr, off: off + sizeOf(type) - 1, size: 1, src: imm(0) });
      return;
    }
    this.copyBytes(addr, off, source.addr, source.off, Math.min(sizeOf(type), sizeOf(source.type)));
  }

  /** Implicit conversion on assignment: widening is fine, narrowing wraps like a C cast. */
  private convertChecked(s: { reg: VReg; type: ScalarType }, to: IntType, _node: Node): VReg {
    return this.convert(s, to);
  }

  /** Copies `size` bytes in the widest aligned pieces. */
  copyBytes(to: Address, toOff: number, from: Address, fromOff: number, size: number): void {
    let done = 0;
    for (const piece of [8, 4, 2, 1] as const) {
      while (size - done >= piece && (fromOff + done) % piece === 0 && (toOff + done) % piece === 0) {
        const r = this.b.vreg();
        this.b.emit({ op: "load", dst: r, addr: from, off: fromOff + done, size: piece });
        this.b.emit({ op: "store", addr: to, off: toOff + done, size: piece, src: reg(r) });
        done += piece;
      }
    }
    while (done < size) {
      const r = this.b.vreg();
      this.b.emit({ op: "load", dst: r, addr: from, off: fromOff + done, size: 1 });
      this.b.emit({ op: "store", addr: to, off: toOff + done, size: 1, src: reg(r) });
      done += 1;
    }
  }

  /** A pointer register to a value in memory (for helper arguments). */
  addressOf(place: Extract<Value, { kind: "place" }>): VReg {
    const r = this.b.vreg();
    if (place.addr.kind === "slot") {
      this.b.emit({ op: "slot_addr", dst: r, slot: place.addr.slot, off: place.off });
    } else {
      this.b.emit({ op: "alu", alu: "add", dst: r, a: place.addr.reg, b: imm(place.off), width: 64 });
    }
    return r;
  }

  /** Puts any value of `type` into a fresh zeroed stack slot (keys and records for helpers). */
  spill(value: Value, type: DslType, node: Node, name: string): Extract<Value, { kind: "place" }> {
    if (value.kind === "place" && value.addr.kind === "slot" && value.off === 0 &&
      sizeOf(value.type) === sizeOf(type) && isAggregate(type) && sameType(value.type, type)) {
      return value;
    }
    const slot = this.tempSlot(type, name);
    this.storeValue(type, { kind: "slot", slot }, 0, value, node);
    return { kind: "place", type, addr: { kind: "slot", slot }, off: 0 };
  }

  describe(value: Value): string {
    switch (value.kind) {
      case "scalar": case "place": case "maybe": return article(typeName(value.type));
      case "const": return value.type ? article(typeName(value.type)) : "an integer literal";
      case "map": return `map '${value.decl.variable}'`;
      case "ctx": return "the context";
      case "undefined": return "undefined";
      case "void": return "nothing (void)";
    }
  }
}

export { U64 };

/** "an i32", "an Event", "a u32", "a Pair": by the letter a reader sounds first. */
export function article(name: string): string {
  return `${/^[aeio]/i.test(name) ? "an" : "a"} ${name}`;
}
