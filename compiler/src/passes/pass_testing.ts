/**
 * Support for pass tests: run a pass on IR written as text and get the result back as text
 * (both in `print_ir.ts`'s form, indentation free). Not part of the compiler.
 */
import type { IrFunction } from "../ir/ir.ts";
import { parseFunction } from "../ir/parse_ir.ts";
import { printFunction } from "../ir/print_ir.ts";

/** The IR text with each line's indentation normalised (header and labels at 0, the rest at 2). */
export function ir(text: string): string {
  return text.trim().split("\n").map((l) => l.trim()).filter(Boolean)
    .map((l) => (l.startsWith("function ") || (l.endsWith(":") && !l.startsWith("slot")) ? l : `  ${l}`))
    .join("\n");
}

/** Parses `text`, runs `pass` on it, prints the result. */
export function applyPass(pass: (fn: IrFunction) => void, text: string): string {
  const fn = parseFunction(text);
  pass(fn);
  return printFunction(fn);
}
