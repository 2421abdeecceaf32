/**
 * The probe module's userspace part, bundled with esbuild into one ES module. `@ts-bpf/probes`
 * stays external and points at the runtime's own copy, so the maps the module declares are the
 * ones the runtime binds. Kernel handlers are bundled too but never run: attach declarations
 * only record themselves in userspace.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const PROBES_MODULE = fileURLToPath(new URL("../../probes/mod.ts", import.meta.url));

export async function bundleUserspace(path: string): Promise<string> {
  const result = await build({
    entryPoints: [path],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    logLevel: "silent",
    mainFields: ["module", "main"],
    plugins: [{
      name: "tsbpf-probes",
      setup(b) {
        b.onResolve({ filter: /^@ts-bpf\/probes$/ }, () => ({ path: PROBES_MODULE, external: true }));
        b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, external: true }));
      },
    }],
  });
  return result.outputFiles[0]!.text;
}

/** Where the bundle imports @ts-bpf/probes from (an absolute path). */
export const probesModulePath = PROBES_MODULE;
