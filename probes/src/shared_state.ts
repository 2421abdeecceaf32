/**
 * The state @ts-bpf/probes keeps while a probe's userspace code runs: the runtime's binder, how
 * many maps were declared, the attach declarations and the timers. It lives on `globalThis`
 * under a registered symbol, not in module variables, because one process can hold several
 * copies of this package — the runtime's own (inside the CLI's bundle) and the one the probe's
 * bundled userspace code imports — and they must all see the same state.
 */
import type { Binder } from "./binding.ts";

export interface ProbesState {
  binder: Binder | undefined;
  declaredCount: number;
  declarations: { kind: string; target: string }[];
  timers: { ms: number; callback: () => void }[];
}

const KEY = Symbol.for("tsbpf.probes.state");

/** The process's one state object, made on first use. */
export function probesState(): ProbesState {
  const holder = globalThis as { [KEY]?: ProbesState };
  return holder[KEY] ??= { binder: undefined, declaredCount: 0, declarations: [], timers: [] };
}
