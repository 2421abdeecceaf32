/**
 * Picks the functions `tsbpf latency` probes: each glob pattern is matched against every
 * function's demangled name, with and without its C++ parameter list, and its raw symbol name.
 * Each function gets an index (its bpf cookie and histogram key). What cannot be probed is said
 * plainly: a pattern that matched nothing says why (a stripped file, a function the compiler
 * inlined everywhere, per DWARF), and functions of Go binaries are refused rather than probed
 * with uretprobes.
 */
import type { CatalogFunction, CodeModule } from "./function_catalog.ts";
import { moduleName } from "./function_catalog.ts";
import { globPattern } from "./glob.ts";
import { findInlined } from "./inlined_functions.ts";

/** A function to probe. */
export interface SelectedFunction {
  /** Cookie and histogram key. */
  readonly index: number;
  /** Demangled name shown and exported (`code.function.name`). */
  readonly name: string;
  readonly fn: CatalogFunction;
}

/** What one pattern matched, or why nothing. */
export interface PatternOutcome {
  readonly pattern: string;
  readonly matched: number;
  /** Why nothing (or not everything) could be probed. */
  readonly notes: string[];
}

export interface Selection {
  readonly functions: SelectedFunction[];
  readonly patterns: PatternOutcome[];
  /** What the person should know before attaching (exceptions and uretprobes). */
  readonly warnings: string[];
}

/** At most this many functions in one run (the histogram map's key space). */
export const MAX_FUNCTIONS = 4096;

/** How many inlined-only functions, and callers of each, a pattern's explanation names. */
const LISTED_INLINED = 10;
const LISTED_CALLERS = 5;

const SYSTEM_LIBRARY = /^(\/proc\/\d+\/root)?\/(usr\/)?lib(64|32)?\//;

const GO_REFUSAL = "is a Go binary: uretprobes corrupt Go's moving stacks, and attaching at " +
  "its return instructions is not implemented yet, so it is not probed";

/** Matches `patterns` against `modules`' functions. */
export function matchFunctions(modules: readonly CodeModule[], patterns: readonly string[]): Selection {
  const functions: SelectedFunction[] = [];
  const taken = new Set<CatalogFunction>();
  const outcomes: PatternOutcome[] = [];
  for (const pattern of patterns) {
    const re = globPattern(pattern);
    const notes: string[] = [];
    let matched = 0;
    const refusedGo = new Set<CodeModule>();
    for (const module of modules) {
      for (const fn of module.functions) {
        const at = fn.names.findIndex((n, i) => re.test(n) || re.test(fn.shortNames[i]!) || re.test(fn.mangled[i]!));
        if (at < 0) continue;
        if (module.go) {
          refusedGo.add(module);
          continue;
        }
        matched++;
        if (taken.has(fn)) continue;
        taken.add(fn);
        functions.push({ index: functions.length, name: fn.names[at]!, fn });
      }
    }
    for (const module of refusedGo) notes.push(`${moduleName(module)} ${GO_REFUSAL}`);
    if (matched === 0 && refusedGo.size === 0) notes.push(...explainNoMatch(modules, pattern, re));
    outcomes.push({ pattern, matched, notes });
  }
  if (functions.length > MAX_FUNCTIONS) {
    throw new Error(`The patterns match ${functions.length} functions; at most ${MAX_FUNCTIONS} ` +
      "can be probed in one run (hint: narrow the patterns)");
  }
  // The kernel's uretprobes replace return addresses with a trampoline that unwinders have no
  // unwind information for, so an exception thrown through a probed function cannot be
  // caught: the C++ runtime calls std::terminate (measured here: SIGABRT).
  const warnings = [...new Set(functions.map((f) => f.fn.module))].filter((m) => m.unwinds).map((m) =>
    `warning: ${moduleName(m)} has exception tables: an exception (or Rust panic) that unwinds through ` +
    "a probed function aborts the program, because uretprobes replace return addresses that unwinders " +
    "cannot follow; use --at-returns, or probe functions that exceptions do not cross");
  return { functions, patterns: outcomes, warnings };
}

function explainNoMatch(modules: readonly CodeModule[], pattern: string, re: RegExp): string[] {
  const notes: string[] = [];
  for (const module of modules) {
    const inlined = findInlined(module, re);
    for (const f of inlined.slice(0, LISTED_INLINED)) {
      const callers = f.callers.slice(0, LISTED_CALLERS).join(", ") +
        (f.callers.length > LISTED_CALLERS ? ` and ${f.callers.length - LISTED_CALLERS} more` : "");
      notes.push(`${f.name} in ${moduleName(module)} was inlined at every call site, so it has no ` +
        `address to probe; it is inlined into ${callers || "(no named caller)"} (probe those instead)`);
    }
    if (inlined.length > LISTED_INLINED) {
      notes.push(`… and ${inlined.length - LISTED_INLINED} more functions in ${moduleName(module)} inlined at every call site`);
    }
  }
  if (notes.length > 0) return notes;
  // System libraries are usually stripped; say so only for the program and its own libraries.
  const stripped = modules.filter((m, i) => m.stripped && (i === 0 || !SYSTEM_LIBRARY.test(m.path)));
  for (const module of stripped) {
    notes.push(`${moduleName(module)} is stripped (no .symtab): only the ${module.functions.length} ` +
      "functions it exports (.dynsym) are visible; use an unstripped build or its debug symbols");
  }
  if (notes.length === 0) {
    notes.push(`no function in ${modules.map(moduleName).join(", ")} matches '${pattern}' ` +
      "(patterns match demangled names, e.g. 'ns::func*' or 'crate::module::*')");
  }
  return notes;
}
