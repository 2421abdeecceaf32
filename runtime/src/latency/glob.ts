/**
 * Glob patterns over demangled function names, as `tsbpf latency` takes them: `*` matches any
 * run of characters (`::` included, so `myapp::*` takes nested modules) and `?` one character;
 * everything else is literal, so `<`, `>`, `(`, `&` and the `[T]` of Rust slice types need no
 * escaping (which is why there are no `[abc]` classes).
 */

/** A compiled pattern: `test(name)` says whether the whole name matches. */
export function globPattern(pattern: string): RegExp {
  let out = "";
  for (const c of pattern) {
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "s");
}

/** Whether `pattern` has glob characters. */
export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}
