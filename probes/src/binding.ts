/**
 * How the runtime connects a map declared in a probe to the live kernel map. A probe module's
 * top level runs in userspace after the probe is attached; there, every declared map is bound,
 * and its methods read and write the kernel's map. Kernel handlers never reach this code: the
 * compiler turns their map calls into helper calls.
 */
import { probesState } from "./shared_state.ts";

/** The runtime's side of a bound map. Keys and values are decoded JS values. */
export interface MapBinding {
  lookup(key: unknown): unknown;
  update(key: unknown, value: unknown): void;
  delete(key: unknown): boolean;
  entries(): Iterable<[unknown, unknown]>;
  /** Ring buffers and perf buffers: records as they arrive. */
  subscribe(callback: (record: unknown) => void): void;
}

export const BIND: unique symbol = Symbol.for("tsbpf.bind");

/**
 * Gives each map its binding as the probe module declares it. The runtime sets a binder before
 * it imports the probe's userspace code; maps are numbered in declaration order, the order the
 * compiler lists them in the artifact.
 */
export type Binder = (index: number, options: Readonly<Record<string, unknown>>) => MapBinding | undefined;

/** For the runtime: bind the maps a module is about to declare (undefined: stop binding). */
export function setBinder(next: Binder | undefined): void {
  const state = probesState();
  state.binder = next;
  state.declaredCount = 0;
}

/** Base of every declared map: holds its options and, once running, its binding. */
export abstract class DeclaredMap {
  #binding?: MapBinding;

  constructor(readonly options: Readonly<Record<string, unknown>>) {
    const state = probesState();
    this.#binding = state.binder?.(state.declaredCount++, options);
  }

  /** Called by the runtime once the kernel map exists. */
  [BIND](binding: MapBinding): void {
    this.#binding = binding;
  }

  protected bound(): MapBinding {
    if (!this.#binding) {
      throw new Error("This map is not bound to a kernel map: run the probe with " +
        "'tsbpf run', or load it with the runtime's load()");
    }
    return this.#binding;
  }
}

/** Thrown by kernel-only helpers when userspace code calls them. */
export function kernelOnly(name: string): never {
  throw new Error(`${name}() runs only inside kernel handlers (the functions passed to ` +
    "tracepoint(), uprobe(), …)");
}
