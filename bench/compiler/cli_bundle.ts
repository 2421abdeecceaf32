/**
 * The tsbpf CLI the benchmark times is its prebuilt bundle (runtime/dist, rebuilt by run.sh
 * before each run). The launcher runs the sources instead when any of them is newer than the
 * bundle, which in a tree being edited during a run would switch the compile-time figures
 * midway from the bundle to the (slower to start) sources. So the benchmark pins the bundle
 * (TSBPF_FROM_BUNDLE=1), checks that it is current when the run starts, and says at the end
 * if sources changed meanwhile (the figures are then those of the tree as it was at the start).
 */
import { readFileSync, statSync } from "node:fs";

const ROOT = new URL("../..", import.meta.url).pathname;

/** What the tsbpf launcher's environment needs so every compile of a run uses the same bundle. */
export const FROM_BUNDLE = { TSBPF_FROM_BUNDLE: "1" };

/** The project sources newer than the bundle (all of them when it is missing). */
export function sourcesNewerThanBundle(): string[] {
  let inputs: { builtAt: number; sources: string[] };
  try {
    inputs = JSON.parse(readFileSync(`${ROOT}runtime/dist/inputs.json`, "utf8"));
  } catch {
    return ["runtime/dist/inputs.json (no bundle)"];
  }
  return inputs.sources.filter((source) => {
    try {
      return statSync(ROOT + source).mtimeMs > inputs.builtAt;
    } catch {
      return true; // removed since
    }
  });
}

/** Throws when the bundle is older than the sources: the run would time an older compiler. */
export function requireCurrentBundle(): void {
  const changed = sourcesNewerThanBundle();
  if (changed.length) {
    throw new Error(`the tsbpf CLI bundle is older than ${changed.slice(0, 3).join(", ")}: run ` +
      "bench/compiler/run.sh, which rebuilds it (node_modules/.bin/bun scripts/bundle_cli.ts)");
  }
}
