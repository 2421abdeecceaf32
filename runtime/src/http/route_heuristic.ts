/**
 * `http.route` for paths no framework told us the route of, as OBI computes it by default
 * (its `routes.unmatched: heuristic`): the path (query and fragment removed) is cut into at most
 * 10 segments, and a segment that looks like an identifier becomes `*`, so `/users/123` and
 * `/users/456` share the route `/users/*`. User patterns (`/users/{id}`, `/users/:id`, a trailing
 * `*` for a prefix) are tried first.
 *
 * A segment is an identifier when it has a character outside `[A-Za-z-_. ]` (one such character
 * at the second position is tolerated, so `v1` and `j4elk` stay) or when one of its `-_.`-
 * separated words looks random. OBI decides "random" with a Markov model of English letter
 * pairs; this version uses a smaller test (a word of four or more letters with no vowel, or
 * five consonants in a row), which agrees with OBI's examples but not on every word.
 */

/** What to do with paths no pattern matches (OBI's `routes.unmatched`). */
export type UnmatchedRoutes = "heuristic" | "path" | "wildcard" | "unset";

export interface RouteOptions {
  /** Patterns like `/users/{id}`, `/users/:id`, `/static/*`. */
  patterns?: string[];
  unmatched?: UnmatchedRoutes;
  /** The character that replaces identifiers (default `*`). */
  wildcard?: string;
}

const MAX_SEGMENTS = 10;

export class RouteMatcher {
  readonly #patterns: { pattern: string; regex: RegExp }[];
  readonly #unmatched: UnmatchedRoutes;
  readonly #wildcard: string;

  constructor(options: RouteOptions = {}) {
    this.#patterns = (options.patterns ?? []).map((pattern) => ({ pattern, regex: compilePattern(pattern) }));
    this.#unmatched = options.unmatched ?? "heuristic";
    this.#wildcard = options.wildcard ?? "*";
  }

  /** The route for a path (or undefined when routes are unset). */
  route(path: string): string | undefined {
    const clean = stripQuery(path);
    for (const p of this.#patterns) if (p.regex.test(clean)) return p.pattern;
    switch (this.#unmatched) {
      case "path": return clean;
      case "wildcard": return "/**";
      case "unset": return undefined;
      case "heuristic": return heuristicRoute(clean, this.#wildcard);
    }
  }
}

/** OBI's default heuristic on a path without query. */
export function heuristicRoute(path: string, wildcard = "*"): string {
  const segments = stripQuery(path).split("/").slice(1);
  const out: string[] = [];
  for (const segment of segments.slice(0, MAX_SEGMENTS)) {
    out.push(segment === "" ? "" : looksLikeIdentifier(segment) ? wildcard : segment);
  }
  return `/${out.join("/")}`;
}

function looksLikeIdentifier(segment: string): boolean {
  let invalid = 0;
  let invalidAt = -1;
  for (let i = 0; i < segment.length; i++) {
    if (!/[A-Za-z\-_. ]/.test(segment[i]!)) {
      invalid++;
      invalidAt = i;
    }
  }
  if (invalid > 1 || (invalid === 1 && invalidAt !== 1)) return true;
  return segment.split(/[-_.]/).some((word) => looksRandom(word.replace(/[^A-Za-z]/g, "")));
}

function looksRandom(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length >= 5 && !/[aeiouy]/.test(w)) return true;
  return /[^aeiouy]{5}/.test(w);
}

/** The path part of a request target: no query, no fragment, no scheme and host. */
export function stripQuery(target: string): string {
  let path = target;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length) || "/";
  const cut = path.search(/[?#&]/);
  return cut >= 0 ? path.slice(0, cut) : path;
}

function compilePattern(pattern: string): RegExp {
  const prefix = pattern.endsWith("*");
  const body = (prefix ? pattern.slice(0, -1) : pattern).split("/").map((part) =>
    /^\{.+\}$/.test(part) || part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${body.join("/")}${prefix ? "" : "/?$"}`);
}
