/**
 * Bundles a TypeScript entry point for Node with esbuild: `node scripts/bundle_node.mjs in.ts out.mjs`.
 *
 * Node 20 cannot run TypeScript, and the loader chooses its FFI adapter at run time, so the Bun
 * and Deno adapters (which import `bun:ffi` or use `Deno`) are replaced by a stub here; Node
 * reaches the kernel through koffi, which stays external because it ships a native binary.
 */
import { build } from "esbuild";

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error("usage: node scripts/bundle_node.mjs <entry.ts> <out.mjs>");
  process.exit(2);
}

const otherRuntimes = {
  name: "node-only-ffi",
  setup(b) {
    b.onResolve({ filter: /\/ffi\/(bun|deno)\.ts$/ }, (args) => ({
      path: args.path,
      namespace: "other-runtime",
    }));
    b.onLoad({ filter: /.*/, namespace: "other-runtime" }, () => ({
      contents: "export function createBunBackend() { throw new Error('not Bun'); }\n" +
        "export function createDenoBackend() { throw new Error('not Deno'); }\n",
      loader: "js",
    }));
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["koffi", "bun:*"],
  plugins: [otherRuntimes],
  banner: { js: "import { createRequire as __tsbpfCreateRequire } from 'node:module';" +
    "const require = __tsbpfCreateRequire(import.meta.url);" },
  logLevel: "warning",
});
