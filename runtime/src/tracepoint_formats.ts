/**
 * Where the compiler's tracepoint formats come from: the running kernel's tracefs, or a pinned
 * copy (a directory laid out like tracefs' `events/`: `<group>/<name>/format`), which keeps a
 * build reproducible on any machine.
 */
import { readFileTextIfExists, tracepointFormat } from "@ts-bpf/loader";

export type FormatResolver = (name: string) => string | undefined;

export function formatResolver(pinnedDir?: string): FormatResolver {
  if (pinnedDir) {
    return (name) => {
      const [group, event] = name.split(":");
      return group && event ? readFileTextIfExists(`${pinnedDir}/${group}/${event}/format`) : undefined;
    };
  }
  return (name) => {
    try {
      return tracepointFormat(name);
    } catch {
      return undefined;
    }
  };
}
