/**
 * Entry point of the prebuilt CLI bundle (runtime/dist/tsbpf.mjs, made by
 * scripts/bundle_cli.mjs). If any project source the bundle was built from changed since, it
 * runs the sources instead (runtime/src/cli/tsbpf.ts), so an edit is never silently ignored;
 * `TSBPF_FROM_SOURCE=1` forces that too.
 */
import { readFileSync, statSync } from "node:fs";
import { main } from "./main.ts";

interface BundleInputs { builtAt: number; sources: string[] }

/** The project root (the bundler keeps `import.meta.url` pointing at this source file). */
const ROOT = new URL("../../../", import.meta.url);

/** The first source newer than the bundle, or a reason; undefined when the bundle is current. */
function changedSource(): string | undefined {
  try {
    const inputs = JSON.parse(readFileSync(new URL("runtime/dist/inputs.json", ROOT), "utf8")) as BundleInputs;
    return inputs.sources.find((source) => statSync(new URL(source, ROOT)).mtimeMs > inputs.builtAt);
  } catch {
    return "runtime/dist/inputs.json is missing or unreadable";
  }
}

if (process.env.TSBPF_FROM_SOURCE === "1" || changedSource() !== undefined) {
  await import(new URL("runtime/src/cli/tsbpf.ts", ROOT).href);
} else {
  process.exitCode = await main(process.argv.slice(2));
  // Ring-buffer waiters and the FFI keep nothing alive once the session closed; exit promptly.
  process.exit(process.exitCode);
}
