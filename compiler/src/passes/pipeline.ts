/**
 * The ordered pass list, in one place. Each pass is its own module with its own tests; the
 * comment on each entry says what it needs from the passes before it. Every pass keeps the IR
 * valid and verifier-safe on its own, so the list can be cut anywhere (see `runPasses`).
 */
import type { IrFunction } from "../ir/ir.ts";
import { coalesceCopies } from "./coalesce_copies.ts";
import { eliminateCommon } from "./eliminate_common.ts";
import { eliminateDeadCode } from "./eliminate_dead_code.ts";
import { eliminateDeadStores } from "./eliminate_dead_stores.ts";
import { foldAddresses } from "./fold_addresses.ts";
import { foldBranches } from "./fold_branches.ts";
import { foldConstants } from "./fold_constants.ts";
import { mergeBlocks } from "./merge_blocks.ts";
import { mergeReturns } from "./merge_returns.ts";
import { narrowAlu } from "./narrow_alu.ts";
import { propagateCopies } from "./propagate_copies.ts";
import { removeUnreachable } from "./remove_unreachable.ts";
import { shareKeySlots } from "./share_key_slots.ts";
import { threadJumps } from "./thread_jumps.ts";

export interface Pass {
  name: string;
  run(fn: IrFunction): void;
}

export const PASSES: readonly Pass[] = [
  // Straight-line code in one block first: the local passes (CSE, narrowing) see more.
  { name: "merge-blocks", run: mergeBlocks },
  // Constants before copies: folding turns computed values into immediates, and copies of
  // constants are then gone rather than propagated.
  { name: "fold-constants", run: foldConstants },
  { name: "propagate-copies", run: propagateCopies },
  // After copy propagation, so an address reached through a copy is still recognised.
  { name: "fold-addresses", run: foldAddresses },
  // CSE turns repeats into copies, which the second copy propagation then forwards; loads it
  // replaced by stored constants fold in the second constant folding.
  { name: "eliminate-common", run: eliminateCommon },
  { name: "propagate-copies", run: propagateCopies },
  { name: "fold-constants", run: foldConstants },
  // Branch folding needs the constants propagated above; it leaves blocks unreachable…
  { name: "fold-branches", run: foldBranches },
  // …which must go before merging (an unreachable predecessor would block a merge).
  { name: "remove-unreachable", run: removeUnreachable },
  { name: "merge-blocks", run: mergeBlocks },
  // Dead code after everything that turns instructions into unused copies.
  { name: "eliminate-dead-code", run: eliminateDeadCode },
  // Dead stores after DCE: a removed load no longer keeps the bytes it read alive. The
  // address computations the removed stores used die in the second DCE.
  { name: "eliminate-dead-stores", run: eliminateDeadStores },
  // After dead stores are gone, so two keys built alike compare alike (a zeroing store DSE
  // removed from one and not the other would keep them apart).
  { name: "share-key-slots", run: shareKeySlots },
  { name: "eliminate-dead-code", run: eliminateDeadCode },
  // Coalescing after DCE (dead copies would make needless interference) and before narrowing,
  // which then sees `i = i + 1; i = (u32) i` in one register.
  { name: "coalesce-copies", run: coalesceCopies },
  // Narrowing last among the rewrites: it needs the truncation to be a value's only reader.
  { name: "narrow-alu", run: narrowAlu },
  // One exit per returned constant: an early return becomes a jump to it, which threading then
  // points the branch before it straight at.
  { name: "merge-returns", run: mergeReturns },
  // Threading turns chains of empty blocks into direct jumps…
  { name: "thread-jumps", run: threadJumps },
  // …which leaves those blocks unreachable; the verifier refuses unreachable code, so this
  // runs last and always.
  { name: "remove-unreachable", run: removeUnreachable },
];

/** Runs `passes` in order (the whole pipeline by default). */
export function runPasses(fn: IrFunction, passes: readonly Pass[] = PASSES): void {
  for (const pass of passes) pass.run(fn);
}
