/**
 * The differential test's regression cases: each file in compiler/test/differential/regressions/
 * is a probe with one generated test() program that once failed, a `// args <program>: …`
 * line with its arguments, and, while the bug is open, a `// known: <who fixes it>` line. A
 * known case is set aside by the random run (so one open bug does not hide new ones) and
 * reported; regression_test.ts checks that it still fails, so the line goes once it is fixed.
 */
import { readdirSync, readFileSync } from "node:fs";

export const REGRESSIONS = new URL("../../compiler/test/differential/regressions", import.meta.url).pathname;

export interface RegressionCase {
  file: string;
  source: string;
  seed: number;
  program: string;
  args: bigint[];
  /** Why it still fails, while it does. */
  known?: string;
}

export function regressionCases(): RegressionCase[] {
  return readdirSync(REGRESSIONS).filter((f) => f.endsWith(".ts")).sort().map((file) => {
    const source = readFileSync(`${REGRESSIONS}/${file}`, "utf8");
    const name = /^seed(\d+)_(\w+)\.ts$/.exec(file);
    const args = /^\/\/ args (\w+): (.*)$/m.exec(source);
    if (!name || !args) throw new Error(`${file}: not a regression case (seed<N>_<program>.ts with an '// args' line)`);
    return { file, source, seed: Number(name[1]), program: args[1]!,
      args: args[2]!.split(",").map((a) => BigInt(a.trim().replace(/n$/, ""))),
      known: /^\/\/ known: (.*)$/m.exec(source)?.[1] };
  });
}

export function knownCases(): RegressionCase[] {
  return regressionCases().filter((c) => c.known);
}
