/**
 * Bundles the `tsbpf` CLI for Bun into runtime/dist/ with esbuild: `node scripts/bundle_cli.mjs`.
 * Runs after `npm install` (the root package's `prepare`) and at the start of `npm test`.
 *
 * Why: from source, Bun transpiles and links some 300 TypeScript modules on every start, which
 * is most of the time `tsbpf run` takes to reach "attached" (bench/runtime/startup.ts). The
 * bundle keeps the CLI's lazy command imports lazy (code splitting: `tsbpf run probe.tsbpf`
 * loads neither the compiler nor the OpenTelemetry SDK) and writes dist/inputs.json, the
 * project sources it was built from, so the launcher runs the sources instead whenever one of
 * them changed since (runtime/src/cli/bundled_main.ts).
 *
 * Packages with native parts or a large optional role stay external and load from
 * node_modules as before: oxc-parser, esbuild, koffi, binaryen, typescript.
 */
import { build } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "runtime", "dist");

/**
 * Modules that find files next to themselves (`new URL("../x", import.meta.url)`) keep doing so:
 * each module's `import.meta.url` is replaced by its own source file's URL.
 */
const ownImportMetaUrl = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\/(loader|compiler|probes|runtime)\/.*\.ts$/ }, async (args) => {
      const { readFile } = await import("node:fs/promises");
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      return {
        contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
        loader: "ts",
      };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: { tsbpf: "runtime/src/cli/bundled_main.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "esnext",
  external: ["bun:*", "oxc-parser", "esbuild", "koffi", "binaryen", "typescript"],
  plugins: [ownImportMetaUrl],
  metafile: true,
  logLevel: "warning",
});

const sources = Object.keys(result.metafile.inputs)
  .filter((path) => !path.includes("node_modules/"))
  .map((path) => relative(root, resolve(root, path)))
  .sort();
writeFileSync(join(outdir, "inputs.json"), JSON.stringify({ builtAt: started, sources }, null, 1) + "\n");
