/**
 * Replays the differential test's regression cases (see regression_cases.ts): fixed ones must
 * agree in the kernel and the simulator; open ones (`// known:`) must still fail, so a fix is
 * noticed and the case becomes a plain regression test.
 */
import { describe, expect } from "bun:test";
import { kernelTest } from "../support/gates.ts";
import { buildBoth, describeFinding, runBoth } from "./differential_harness.ts";
import { regressionCases } from "./regression_cases.ts";

describe("differential regression cases", () => {
  for (const c of regressionCases()) {
    kernelTest(`${c.file} ${c.known ? "still fails (open: " + c.known + ")" : "agrees in the kernel and the simulator"}`, async () => {
      const built = await buildBoth(c.file, c.source);
      const findings = "kind" in built ? [built] : runBoth(built, [{ name: c.program, args: c.args }]);
      const described = findings.map(describeFinding);
      if (c.known) {
        if (described.length === 0) console.log(`${c.file} passes now: remove its '// known:' line`);
        expect(described.length).toBeGreaterThan(0);
      } else {
        expect(described).toEqual([]);
      }
    });
  }
});
