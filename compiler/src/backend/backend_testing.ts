/**
 * Support for backend tests: generate code for IR written as text and return the disassembly,
 * one instruction per line. Not part of the compiler.
 */
import { disassemble } from "@ts-bpf/loader";
import { parseFunction } from "../ir/parse_ir.ts";
import { generateCode } from "./codegen.ts";

const SPAN = { file: "test.ts", start: 0, end: 0 };

/** The eBPF code for `text` (IR in print_ir.ts's form), one instruction per line. */
export function codeFor(text: string): string[] {
  return generateCode(parseFunction(text), SPAN).instructions.map((i) => disassemble(i));
}
