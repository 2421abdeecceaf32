/**
 * Bundles the `tsbpf` CLI into runtime/dist/ as CommonJS files with Bun's bytecode beside each:
 * `bun scripts/bundle_cli.ts`. Runs after `npm install` (the root package's `prepare`) and at
 * the start of `npm test`.
 *
 * Why: from source, Bun transpiles, links and compiles some 300 TypeScript modules on every
 * start, which was most of the time `tsbpf run` took to reach "attached"
 * (bench/runtime/startup.ts). Bytecode skips parsing and compiling, and loading costs in
 * proportion to the bundle, so each command is its own bundle (`run_command.js`, …) loaded by a
 * small entry (`bundled_main.js`); the compiler (`mod.js`, from compiler/mod.ts) and the
 * OpenTelemetry SDK (`sdk_pipeline.js`) are bundles of their own, which `tsbpf run probe.tsbpf`
 * loads only to compile or to export. Bun's bundler rather than esbuild (which bundles the
 * probes' userspace code and the Node builds): only Bun writes Bun's bytecode, and only for
 * CommonJS, hence the rewrites of `import.meta` below.
 *
 * It also writes dist/inputs.json, the project sources it was built from, so the bundle runs the
 * sources instead whenever one of them changed since (runtime/src/cli/bundled_main.ts).
 * Packages with native parts or an occasional role stay external and load from node_modules:
 * oxc-parser's native binding (its JavaScript is bundled), esbuild, koffi, binaryen, typescript.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "runtime", "dist");
const sources = new Set<string>();

/**
 * CommonJS has no `import.meta`: each project module's uses become what they mean there. Its
 * `url` becomes the module's own source file URL, so modules that find files next to themselves
 * (`new URL("../x", import.meta.url)`) keep doing so from the bundle.
 */
function rewriteImportMeta(text: string, path: string): string {
  return text
    .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href))
    .replaceAll("(import.meta as BunImportMeta).require", "require")
    .replace(/import\.meta\.resolve\(([^)]*)\)/g, "require('node:url').pathToFileURL(require.resolve($1)).href")
    .replaceAll("import.meta.main", "false");
}

/** The CLI's commands, each a bundle that main.ts imports when the command runs. */
const COMMANDS = ["run", "build", "check", "list", "http", "latency", "doctor"]
  .map((name) => `runtime/src/cli/${name}_command.ts`);

const projectModules: Bun.BunPlugin = {
  name: "project-modules",
  setup(build) {
    // main.ts's `import("./run_command.ts")` loads the command's own bundle.
    build.onResolve({ filter: /^\.\/\w+_command\.ts$/ }, (args) =>
      args.importer.endsWith("/cli/main.ts") ? { path: args.path.replace(/\.ts$/, ".js"), external: true } : undefined);
    // The compiler is its own bundle, loaded only to compile.
    build.onResolve({ filter: /^@ts-bpf\/compiler$/ }, () => ({ path: "./mod.js", external: true }));
    // So is the OpenTelemetry SDK, loaded only when something is exported.
    build.onResolve({ filter: /^\.\/sdk_pipeline\.ts$/ }, (args) =>
      args.importer.endsWith("/telemetry/wiring.ts") ? { path: "./sdk_pipeline.js", external: true } : undefined);
    build.onLoad({ filter: /\/(loader|compiler|probes|runtime)\/.*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!args.path.includes("/node_modules/")) sources.add(relative(root, args.path));
      return { contents: text.includes("import.meta") ? rewriteImportMeta(text, args.path) : text, loader: "ts" };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const started = Date.now();
const result = await Bun.build({
  entrypoints: ["runtime/src/cli/bundled_main.ts", ...COMMANDS, "compiler/mod.ts",
    "runtime/src/telemetry/sdk_pipeline.ts"].map((path) => join(root, path)),
  outdir,
  naming: "[name].[ext]",
  target: "bun",
  format: "cjs",
  bytecode: true,
  external: ["@oxc-parser/*", "esbuild", "koffi", "binaryen", "typescript"],
  plugins: [projectModules],
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
writeFileSync(join(outdir, "inputs.json"),
  JSON.stringify({ builtAt: started, sources: [...sources].sort() }, null, 1) + "\n");
