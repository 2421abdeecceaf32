/**
 * LinkGroup: several links that are one attachment to the user (a sampler's event per CPU),
 * closed together. `collectLinks` builds one so that a failure part-way closes what was made.
 */
import type { Link } from "./link.ts";

/** Links closed together, in reverse order of making. */
export class LinkGroup implements Link {
  #closed = false;

  constructor(readonly description: string, readonly links: readonly Link[]) {}

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const link of [...this.links].reverse()) link.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/**
 * Makes one link per item; if any attempt throws, closes the links already made and rethrows,
 * so a failure leaves nothing attached.
 */
export function collectLinks<T>(description: string, items: readonly T[],
  make: (item: T) => Link): LinkGroup {
  const made: Link[] = [];
  try {
    for (const item of items) made.push(make(item));
  } catch (error) {
    for (const link of made.reverse()) link.close();
    throw error;
  }
  return new LinkGroup(description, made);
}
