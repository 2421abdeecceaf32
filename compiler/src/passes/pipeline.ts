/**
 * The ordered pass list. Each pass is its own module; the order matters where noted.
 */
import type { IrFunction } from "../ir/ir.ts";
import { removeUnreachable } from "./remove_unreachable.ts";
import { threadJumps } from "./thread_jumps.ts";

export interface Pass {
  name: string;
  run(fn: IrFunction): void;
}

export const PASSES: readonly Pass[] = [
  // Threading first: it turns chains of empty blocks into direct jumps…
  { name: "thread-jumps", run: threadJumps },
  // …which leaves those blocks unreachable; the verifier refuses unreachable code, so this runs
  // last and always.
  { name: "remove-unreachable", run: removeUnreachable },
];

export function runPasses(fn: IrFunction, passes: readonly Pass[] = PASSES): void {
  for (const pass of passes) pass.run(fn);
}
