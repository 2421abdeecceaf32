/**
 * Attaches one compiled program where its artifact entry says: tracepoint, raw tracepoint,
 * uprobe or uretprobe (with the optional pid), or CPU sampling. Test probes are not attached.
 */
import {
  type ArtifactProgram, attachPerfEvent, attachRawTracepoint, attachTracepoint, type Link,
  openExecutable, type Program,
} from "@ts-bpf/loader";

export function attachProgram(program: Program, entry: ArtifactProgram): Link | undefined {
  const a = entry.attach;
  switch (a.kind) {
    case "tracepoint": return attachTracepoint(program, a.target);
    // A tp_btf program is attached by its attach_btf_id, not by name.
    case "rawTracepoint": return a.btf ? attachRawTracepoint(program) : attachRawTracepoint(program, a.target);
    case "uprobe":
    case "uretprobe": {
      const executable = openExecutable(a.binary!, a.pid ? { pid: a.pid } : {});
      const options = a.pid ? { pid: a.pid } : { pid: -1 };
      return a.kind === "uprobe" ? executable.uprobe(a.symbol!, program, options)
        : executable.uretprobe(a.symbol!, program, options);
    }
    case "profile": return attachPerfEvent(program, { frequency: a.hz! });
    case "test": return undefined;
  }
}

/** "tracepoint syscalls:sys_enter_openat" for progress messages. */
export function describeAttach(entry: ArtifactProgram): string {
  const a = entry.attach;
  switch (a.kind) {
    case "uprobe": case "uretprobe": return `${a.kind} ${a.binary}:${a.symbol}${a.pid ? ` (pid ${a.pid})` : ""}`;
    case "profile": return `profile ${a.hz} Hz`;
    default: return `${a.kind} ${a.target}`;
  }
}
