/**
 * Checks the one-way dependency direction between packages (DESIGN.md): loader ← compiler ←
 * runtime. The loader imports nothing of ours, so a tool can embed it alone; packages import
 * each other only through their package name (their `mod.ts`), never by relative path.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dir, "..");
const PACKAGES = ["loader", "compiler", "probes", "runtime"] as const;
type Package = (typeof PACKAGES)[number];

/** What each package may import of ours. */
const ALLOWED: Record<Package, Package[]> = {
  loader: [],
  compiler: ["loader", "probes"],
  probes: ["runtime"],
  runtime: ["loader", "compiler", "probes"],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!);
}

function packageOfPath(path: string): Package | undefined {
  const top = relative(ROOT, path).split("/")[0];
  return PACKAGES.find((p) => p === top);
}

describe("dependency direction", () => {
  for (const pkg of PACKAGES) {
    test(`${pkg} imports only ${ALLOWED[pkg].join(", ") || "nothing of ours"}`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(join(ROOT, pkg))) {
        for (const spec of importsOf(file)) {
          const where = relative(ROOT, file);
          let target: Package | undefined;
          if (spec.startsWith("@ts-bpf/")) {
            target = spec.slice("@ts-bpf/".length).split("/")[0] as Package;
            if (spec.split("/").length > 2) violations.push(`${where}: deep import '${spec}'`);
          } else if (spec.startsWith(".")) {
            target = packageOfPath(resolve(file, "..", spec));
            if (target && target !== pkg) {
              violations.push(`${where}: relative import '${spec}' reaches into ${target}/`);
              continue;
            }
          }
          if (target && target !== pkg && !ALLOWED[pkg].includes(target)) {
            violations.push(`${where}: imports ${target} ('${spec}')`);
          }
        }
      }
      expect(violations).toEqual([]);
    });
  }

  test("the checker notices a forbidden import", () => {
    const fake = [...`import { compile } from "@ts-bpf/compiler";`.matchAll(IMPORT)];
    expect(fake.map((m) => m[1])).toEqual(["@ts-bpf/compiler"]);
  });
});
