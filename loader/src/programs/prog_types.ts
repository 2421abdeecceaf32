/** Names of program types for messages. */
import { progTypeName as asmProgTypeName } from "../asm/mod.ts";

/** `tracepoint`, `raw_tracepoint`, … */
export function progTypeName(type: number): string {
  return asmProgTypeName(type)?.toLowerCase() ?? `program type ${type}`;
}
