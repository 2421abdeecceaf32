/**
 * docs/language.md cannot rot: every ```ts block in it is compiled; as root, each is loaded into
 * the kernel (the verifier must accept it) and every test() probe with a `// → N` comment (or
 * `// (a, b) → N`, with arguments) is run and must return N. Blocks marked ```ts rejects TSBnnnn
 * must fail to compile with that code. Every diagnostic code the guide names must be one the
 * compiler emits.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { compile } from "@ts-bpf/compiler";
import { compileOk, loadProbe, runTest } from "../compiler/test/support.ts";
import { kernelTest } from "./support/gates.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const GUIDE = readFileSync(join(ROOT, "docs/language.md"), "utf8");

interface Block {
  /** "Integers #2": the section's heading and the block's number in it. */
  name: string;
  source: string;
  rejects?: string;
  /** Test probe name → [arguments, expected return value]. */
  expectations: { test: string; args: bigint[]; returns: bigint }[];
}

/** The guide's ```ts blocks, with the section each is in. */
export function guideBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let heading = "introduction";
  let inSection = 0;
  const fence = /^```ts(?: rejects (TSB\d{4}))?\n([\s\S]*?)^```$/gm;
  const headings = [...text.matchAll(/^#+ (.+)$/gm)];
  for (const m of text.matchAll(fence)) {
    const before = headings.filter((h) => h.index! < m.index!).at(-1)?.[1] ?? "introduction";
    if (before !== heading) {
      heading = before;
      inSection = 0;
    }
    inSection++;
    blocks.push({ name: `${heading} #${inSection}`, source: m[2]!, rejects: m[1],
      expectations: expectations(m[2]!) });
  }
  return blocks;
}

function expectations(source: string): Block["expectations"] {
  const out: Block["expectations"] = [];
  let current: string | undefined;
  for (const line of source.split("\n")) {
    current = /\btest\("([^"]+)"/.exec(line)?.[1] ?? current;
    const m = /\/\/ (?:\(([^)]*)\) )?→ (-?(?:0x)?[0-9a-f]+)\s*$/i.exec(line);
    if (!m) continue;
    if (!current) throw new Error(`'// →' outside a test() probe: ${line.trim()}`);
    const args = (m[1] ?? "").split(",").map((a) => a.trim()).filter(Boolean).map((a) => BigInt(a));
    out.push({ test: current, args, returns: BigInt(m[2]!) });
  }
  return out;
}

function compilerSources(dir: string): string {
  return readdirSync(dir).map((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return compilerSources(path);
    return name.endsWith(".ts") && !name.endsWith("_test.ts") ? readFileSync(path, "utf8") : "";
  }).join("\n");
}

const blocks = guideBlocks(GUIDE);

describe("docs/language.md", () => {
  test("has an example in every section", () => {
    const sections = [...GUIDE.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    const withCode = new Set(blocks.map((b) => b.name.replace(/ #\d+$/, "")));
    expect(sections.filter((s) => !withCode.has(s))).toEqual([]);
  });

  test("names only diagnostic codes the compiler emits", () => {
    const emitted = new Set(compilerSources(join(ROOT, "compiler/src")).match(/TSB\d{4}/g));
    const named = new Set(GUIDE.match(/TSB\d{4}/g));
    expect([...named].filter((code) => !emitted.has(code))).toEqual([]);
  });

  test("the expectation comments are read as the guide means them", () => {
    const [block] = guideBlocks("# s\n```ts\ntest(\"a\", (ctx) => {\n  return 1; // (2, 0x10) → 3\n});\n```\n");
    expect(block!.expectations).toEqual([{ test: "a", args: [2n, 16n], returns: 3n }]);
  });

  for (const block of blocks) {
    if (block.rejects) {
      test(`${block.name} is rejected with ${block.rejects}`, () => {
        const result = compile({ file: "guide.ts", source: block.source });
        expect(result.artifact).toBeUndefined();
        expect(result.diagnostics[0]?.code).toBe(block.rejects!);
      });
      continue;
    }
    // Tracepoint formats come from tracefs, which needs root.
    const gated = /\btracepoint\(/.test(block.source) ? kernelTest : test;
    gated(`${block.name} compiles`, () => {
      expect(compileOk(block.source, "guide.ts").programs.length).toBeGreaterThan(0);
    });
    kernelTest(`${block.name} passes the verifier and computes what it says`, () => {
      const artifact = compileOk(block.source, "guide.ts");
      const collection = loadProbe(artifact);
      try {
        expect(collection.programs.size).toBe(artifact.programs.length);
        for (const e of block.expectations) {
          const name = artifact.programs.find((p) => p.attach.kind === "test" && p.attach.target === e.test)?.name;
          expect(name).toBeDefined();
          expect(`${e.test}: ${runTest(collection, name!, e.args)}`)
            .toBe(`${e.test}: ${BigInt.asUintN(32, e.returns)}`);
        }
      } finally {
        collection.close();
      }
    });
  }
});
