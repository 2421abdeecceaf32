/**
 * Entry point of the prebuilt CLI bundle (runtime/dist/bundled_main.js, made by scripts/bundle_cli.ts).
 * If any project source the bundle was built from changed since, it runs the sources instead
 * (runtime/src/cli/tsbpf.ts), so an edit is never silently ignored; `TSBPF_FROM_SOURCE=1` forces
 * that too, and `TSBPF_FROM_BUNDLE=1` the opposite (tests of the bundle itself, in a tree that
 * is being edited). No top-level await: the bundle is CommonJS, for Bun's bytecode.
 */
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { main } from "./main.ts";

interface BundleInputs { builtAt: number; sources: string[] }

/** The project root, with a final slash (the bundler keeps `import.meta.url` pointing at this source file). */
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The first source newer than the bundle, or a reason; undefined when the bundle is current. */
function changedSource(): string | undefined {
  try {
    const inputs = JSON.parse(readFileSync(`${ROOT}runtime/dist/inputs.json`, "utf8")) as BundleInputs;
    return inputs.sources.find((source) => statSync(ROOT + source).mtimeMs > inputs.builtAt);
  } catch {
    return "runtime/dist/inputs.json is missing or unreadable";
  }
}

const fromSource = process.env.TSBPF_FROM_SOURCE === "1" ||
  (process.env.TSBPF_FROM_BUNDLE !== "1" && changedSource() !== undefined);
if (fromSource) {
  void import(`${ROOT}runtime/src/cli/tsbpf.ts`);
} else {
  void main(process.argv.slice(2)).then((code) => {
    // Ring-buffer waiters and the FFI keep nothing alive once the session closed; exit promptly.
    process.exit(code);
  });
}
