/**
 * "Did you mean …?" suggestions: the candidate names closest to a misspelt one, by edit distance
 * (swapping two neighbouring letters counts as one edit), then names that contain it. Used by
 * uprobe symbol errors; it knows nothing of ELF.
 */

/**
 * Up to `limit` candidates close to `wanted`, best first, compared without case. A candidate
 * qualifies when at most a third of the longer name (at least one letter) must change, or when
 * one name contains the other (at least three letters). Ties keep the candidates' order.
 *
 * @example
 * closeNames("mian", ["main", "malloc", "_start"]) // ["main"]
 */
export function closeNames(wanted: string, candidates: Iterable<string>, limit = 5): string[] {
  const scored: { name: string; score: number; order: number }[] = [];
  const seen = new Set<string>();
  const lower = wanted.toLowerCase();
  let order = 0;
  for (const name of candidates) {
    if (seen.has(name) || name === wanted || name === "") continue;
    seen.add(name);
    const other = name.toLowerCase();
    const budget = Math.max(1, Math.floor(Math.max(wanted.length, name.length) / 3));
    let score = Math.abs(name.length - wanted.length) > budget
      ? Infinity
      : editDistance(lower, other, budget);
    if (score > budget) {
      const contains = (lower.length >= 3 && other.includes(lower)) ||
        (other.length >= 3 && lower.includes(other));
      score = contains ? budget + 1 + Math.abs(name.length - wanted.length) / 1000 : Infinity;
    }
    if (score !== Infinity) scored.push({ name, score, order: order++ });
  }
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.name);
}

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), or
 * `budget + 1` as soon as it must exceed `budget`.
 */
function editDistance(a: string, b: string, budget: number): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current.push(value);
      if (value < best) best = value;
    }
    if (best > budget) return budget + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
