/**
 * compileWasm(): the WebAssembly build has eBPF's integer semantics (run here directly, with a
 * context written into the module's memory), names its helper imports, is deterministic, and
 * compile() never loads binaryen.
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { compileWasm, engineHasMemory64 } from "../../mod.ts";

const CTX = 4096n;
const FRAME = 8192n;

/** Compiles test() probes and returns a function running one with u64 arguments. */
async function build(body: string, memory64 = false) {
  const source = `import { HashMap, i32, i64, test, u32, u64, u8 } from "@ts-bpf/probes";\n${body}`;
  const result = await compileWasm({ file: "probe.ts", source, memory64 });
  if (!result.wasm) throw new Error(result.rendered());
  const instance = new WebAssembly.Instance(new WebAssembly.Module(result.wasm.wasm), {});
  const memory = instance.exports.memory as WebAssembly.Memory;
  return (name: string, ...args: bigint[]): bigint => {
    const view = new DataView(memory.buffer);
    args.forEach((a, i) => view.setBigUint64(Number(CTX) + i * 8, BigInt.asUintN(64, a), true));
    const run = instance.exports[name] as (ctx: bigint, frame: bigint) => bigint;
    return BigInt.asUintN(64, run(CTX, FRAME));
  };
}

const ARITHMETIC = `
test("udiv", (ctx) => ctx.arg(0) / ctx.arg(1));
test("umod", (ctx) => ctx.arg(0) % ctx.arg(1));
test("sdiv32", (ctx) => i32(ctx.arg(0)) / i32(ctx.arg(1)));
test("smod64", (ctx) => i64(ctx.arg(0)) % i64(ctx.arg(1)));
test("shl32", (ctx) => u32(ctx.arg(0)) << u32(ctx.arg(1)));
test("wrap8", (ctx) => u8(ctx.arg(0)) + u8(ctx.arg(1)));
test("sra", (ctx) => i64(ctx.arg(0)) >> i64(ctx.arg(1)));
`;

describe("compileWasm()", () => {
  for (const memory64 of [false, true]) {
    test(`the ${memory64 ? "memory64" : "32-bit memory"} build divides, shifts and wraps like eBPF`, async () => {
      if (memory64 && !engineHasMemory64()) {
        // Bun runs memory64 only behind a JavaScriptCore option: run this test again with it.
        const child = spawnSync(process.execPath, ["test", import.meta.path, "-t", "memory64 build"],
          { encoding: "utf8", env: { ...process.env, BUN_JSC_useWasmMemory64: "1" } });
        expect(`${child.stdout}${child.stderr}`).toContain(" 1 pass");
        expect(child.status).toBe(0);
        return;
      }
      const run = await build(ARITHMETIC, memory64);
      expect(run("udiv", 7n, 0n)).toBe(0n);
      expect(run("udiv", 7n, 2n)).toBe(3n);
      expect(run("umod", 7n, 0n)).toBe(7n);
      // INT_MIN / -1 overflows back to INT_MIN (WebAssembly would trap): i32 results are
      // sign-extended to 64 bits in the register.
      expect(run("sdiv32", 0x80000000n, 0xffffffffn)).toBe(BigInt.asUintN(64, -0x80000000n));
      expect(run("sdiv32", 7n, 0n)).toBe(0n);
      expect(run("smod64", -7n, 0n)).toBe(BigInt.asUintN(64, -7n));
      expect(run("smod64", -7n, 2n)).toBe(BigInt.asUintN(64, -1n));
      expect(run("shl32", 1n, 33n)).toBe(2n);
      expect(run("wrap8", 200n, 100n)).toBe(44n);
      expect(run("sra", -16n, 2n)).toBe(BigInt.asUintN(64, -4n));
    });
  }

  test("helpers are imports named after the kernel's helpers, and the text dump shows them", async () => {
    const result = await compileWasm({ file: "probe.ts", dump: ["wat"], source: `
      import { HashMap, ktimeNs, test, type u32, type u64 } from "@ts-bpf/probes";
      const m = new HashMap<u32, u64>({ entries: 4 });
      test("t", () => { m.set(1, ktimeNs()); return 0; });` });
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(result.wasm!.wasm));
    expect(imports.map((i) => `${i.module}.${i.name}`).sort()).toEqual(["bpf.ktime_get_ns", "bpf.map_update_elem"]);
    expect(result.dumps.wat).toContain(`(import "bpf" "map_update_elem"`);
    expect(result.wasm!.programs.map((p) => [p.name, p.kind])).toEqual([["t", "test"]]);
  });

  test("the same source gives the same module", async () => {
    const source = `import { test, u64 } from "@ts-bpf/probes";\ntest("t", (ctx) => ctx.arg(0) * 3n + 1n);`;
    const a = await compileWasm({ file: "probe.ts", source });
    const b = await compileWasm({ file: "probe.ts", source });
    expect(a.wasm!.wasm).toEqual(b.wasm!.wasm);
  });

  test("diagnostics are returned, and there is no module", async () => {
    const result = await compileWasm({ file: "probe.ts", source: `import { test } from "@ts-bpf/probes";\ntest("t", () => { while (true) {} });` });
    expect(result.wasm).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain("TSB2702");
  });

  test("compile() does not load binaryen", () => {
    const script = `import { compile } from "@ts-bpf/compiler";
      compile({ file: "t.ts", source: 'import { test } from "@ts-bpf/probes"; test("a", () => 1);' });
      console.log(Object.keys(require.cache).filter((k) => k.includes("binaryen")).length);`;
    const out = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: import.meta.dir });
    expect(out.stderr).toBe("");
    expect(out.stdout.trim()).toBe("0");
  });
});
