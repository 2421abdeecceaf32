import { describe, expect, test } from "bun:test";
import type { CodeModule } from "./function_catalog.ts";
import { matchFunctions } from "./function_matcher.ts";

function module(path: string, names: string[], extra: Partial<CodeModule> = {}): CodeModule {
  const m = { path, executable: undefined, stripped: false, go: false, unwinds: false, identity: "", functions: [] as unknown[], coldParts: [], ...extra };
  m.functions = names.map((n, i) => ({ module: m, mangled: [n], names: [n], shortNames: [n.replace(/\(.*\)$/, "")],
    address: 0x1000 + i * 16, size: 16 }));
  return m as unknown as CodeModule;
}

describe("matchFunctions()", () => {
  test("matches demangled names with or without parameters and numbers the functions", () => {
    const app = module("/opt/app", ["ns::f(int)", "ns::f(double)", "main"]);
    const s = matchFunctions([app], ["ns::f", "main"]);
    expect(s.functions.map((f) => [f.index, f.name])).toEqual([[0, "ns::f(int)"], [1, "ns::f(double)"], [2, "main"]]);
    expect(s.patterns.map((p) => p.matched)).toEqual([2, 1]);
  });
  test("a function matched by two patterns is probed once", () => {
    const s = matchFunctions([module("/opt/app", ["handle_a"])], ["handle_*", "*_a"]);
    expect(s.functions).toHaveLength(1);
  });
  test("warns that exceptions must not unwind through probed functions of files with exception tables", () => {
    const s = matchFunctions([module("/opt/cppapp", ["ns::f(int)"], { unwinds: true })], ["ns::*"]);
    expect(s.functions).toHaveLength(1);
    expect(s.warnings.join("\n")).toMatch(/cppapp has exception tables: an exception \(or Rust panic\) that unwinds/);
    expect(matchFunctions([module("/opt/capp", ["f"])], ["f"]).warnings).toEqual([]);
  });
  test("refuses Go binaries instead of attaching uretprobes", () => {
    const s = matchFunctions([module("/opt/goapp", ["main.handler"], { go: true })], ["main.*"]);
    expect(s.functions).toHaveLength(0);
    expect(s.patterns[0]!.notes.join("\n")).toMatch(/goapp is a Go binary: uretprobes corrupt Go's moving stacks/);
  });
  test("says why a pattern matched nothing", () => {
    const s = matchFunctions([module("/opt/app", ["main"], { stripped: true })], ["parse_*"]);
    expect(s.patterns[0]!.notes.join("\n")).toMatch(/app is stripped \(no \.symtab\): only the 1 functions/);
    const t = matchFunctions([module("/opt/app", ["main"])], ["parse_*"]);
    expect(t.patterns[0]!.notes.join("\n")).toMatch(/no function in app matches 'parse_\*'/);
  });
});
