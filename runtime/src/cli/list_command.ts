/**
 * `tsbpf list [tracepoints [glob]] | uprobes <binary> [glob]`: what can be attached, with each
 * tracepoint's fields and their DSL types.
 */
import { parseTracepointFormat, type TracepointField } from "@ts-bpf/compiler";
import { definedFunctions, listTracepoints, parseElf, readFileBytes, tracepointFormat } from "@ts-bpf/loader";
import { ProbeError } from "../probe_error.ts";
import type { ParsedArgs } from "./args.ts";

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}

function typeText(type: TracepointField["type"]): string {
  if (type.kind === "str") return `str<${type.capacity}>`;
  if (type.kind === "array") return `Arr<${typeText(type.element)}, ${type.length}>`;
  return type.kind === "int" ? type.name : type.kind;
}

export function listCommand(args: ParsedArgs, out: (line: string) => void): number {
  const [what = "tracepoints", a, b] = args.positional;
  if (what === "tracepoints") {
    const pattern = globToRegExp(a ?? "*");
    const names = listTracepoints().filter((n) => pattern.test(n)).sort();
    const detailed = names.length <= 50;
    for (const name of names) {
      out(name);
      if (!detailed) continue;
      for (const f of parseTracepointFormat(tracepointFormat(name)).fields) {
        if (f.name.startsWith("common_")) continue;
        out(`    ${f.name}: ${f.dataLoc ? "str (variable length)" : typeText(f.type)}   // ${f.declaration}`);
      }
    }
    if (!detailed) out(`(${names.length} tracepoints; narrow the glob to see their fields)`);
    return 0;
  }
  if (what === "uprobes") {
    if (!a) throw new ProbeError("usage", "tsbpf list uprobes needs a binary: tsbpf list uprobes /bin/bash 'read*'");
    const pattern = globToRegExp(b ?? "*");
    const elf = parseElf(readFileBytes(a), a);
    for (const fn of definedFunctions(elf)) if (pattern.test(fn.name)) out(fn.name);
    return 0;
  }
  throw new ProbeError("usage", `tsbpf list knows 'tracepoints' and 'uprobes', not '${what}'`);
}
