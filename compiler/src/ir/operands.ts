/**
 * Reading and rewriting the registers an instruction uses, for passes that substitute values
 * (constants, copies, folded addresses). Which operand positions accept an immediate follows
 * the IR's types: `mov` sources, `alu` second operands, stored values, helper arguments, the
 * right side of a compare and returned values.
 */
import type { Address, Instr, Operand, Terminator, VReg } from "./ir.ts";

/**
 * Replaces each register `instr` reads with what `f` returns. `f` is told whether an
 * immediate is allowed there; an immediate returned where one is not allowed is ignored.
 */
export function rewriteUses(instr: Instr | Terminator,
  f: (r: VReg, immediateOk: boolean) => Operand): void {
  const operand = (o: Operand): Operand => (o.kind === "reg" ? f(o.reg, true) : o);
  const register = (r: VReg): VReg => {
    const o = f(r, false);
    return o.kind === "reg" ? o.reg : r;
  };
  const address = (a: Address): Address =>
    a.kind === "reg" ? { kind: "reg", reg: register(a.reg) } : a;
  switch (instr.op) {
    case "mov": instr.src = operand(instr.src); break;
    case "movsx": instr.src = register(instr.src); break;
    case "alu": instr.a = register(instr.a); instr.b = operand(instr.b); break;
    case "neg": instr.a = register(instr.a); break;
    case "load": instr.addr = address(instr.addr); break;
    case "store": instr.addr = address(instr.addr); instr.src = operand(instr.src); break;
    case "atomic_add": instr.addr = address(instr.addr); instr.src = register(instr.src); break;
    case "call": instr.args = instr.args.map(operand); break;
    case "cbr": instr.a = register(instr.a); instr.b = operand(instr.b); break;
    case "ret": instr.value = operand(instr.value); break;
    case "arg": case "slot_addr": case "map": case "br": break;
  }
}

/** Renames the register an instruction defines (its `dst`). */
export function setDef(instr: Instr, v: VReg): void {
  if ("dst" in instr && instr.dst !== undefined) instr.dst = v;
}
