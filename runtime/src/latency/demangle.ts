/**
 * Symbol demangling for `tsbpf latency`: Rust (legacy and v0) and C++ (Itanium) names through
 * gecko-profiler-demangle, the Firefox profiler's demangler (Rust's own crates compiled to
 * WebAssembly), loaded once on first use. Bun does not run the package's ES-module WebAssembly
 * import, so the module is instantiated here from its .wasm file with the package's glue code.
 * Not a demangler of our own: names it does not recognize come back unchanged.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
// @ts-ignore: the package types only its ES-module entry, which Bun cannot load (see above).
import * as glue from "gecko-profiler-demangle/index_bg.js";

type WasmExports = Record<string, unknown>;

let ready = false;

function instantiate(): void {
  if (ready) return;
  const url = import.meta.resolve("gecko-profiler-demangle/index_bg.wasm");
  const module = new WebAssembly.Module(readFileSync(fileURLToPath(url)));
  const instance = new WebAssembly.Instance(module, {
    "./index_bg.js": glue as unknown as Record<string, (...args: never[]) => unknown>,
  });
  const exports = instance.exports as WasmExports & { __wbindgen_start?: () => void };
  (glue as unknown as { __wbg_set_wasm(exports: WasmExports): void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start?.();
  ready = true;
}

/**
 * The demangled form of a symbol name (`_ZN2ns3addIiEET_S1_S1_` → `ns::add<int>(int, int)`,
 * `_RNvCs1234_7mycrate3foo` → `mycrate::foo`; Rust legacy hashes are left out), or `name`
 * itself when it is not mangled.
 */
export function demangle(name: string): string {
  if (!name.startsWith("_Z") && !name.startsWith("_R") && !name.startsWith("__Z")) return name;
  instantiate();
  return (glue as unknown as { demangle_any(name: string): string }).demangle_any(name);
}

/**
 * The name without a C++ parameter list and qualifiers: `ns::add<int>(int, int) const` →
 * `ns::add<int>`, so patterns need not spell out parameters. Parentheses inside templates or
 * `(anonymous namespace)` are kept: only a balanced group that ends the name is cut.
 */
export function withoutParameters(demangled: string): string {
  let end = demangled.length;
  const tail = /\s*(const|volatile|&&|&|noexcept)\s*$/;
  let text = demangled;
  while (tail.test(text)) text = text.replace(tail, "");
  end = text.length;
  if (text[end - 1] !== ")") return demangled;
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ")") depth++;
    else if (c === "(") {
      depth--;
      if (depth === 0) {
        // `operator()(int)`: the cut group is the parameters, the `()` before it is the name.
        return i > 0 ? text.slice(0, i) : demangled;
      }
    }
  }
  return demangled;
}
