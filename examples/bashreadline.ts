/**
 * bashreadline: every command line typed into an interactive bash on the system, read when
 * bash's `readline()` returns it. A port of bcc's bashreadline: a uretprobe on /bin/bash's
 * `readline` symbol (check it with `nm -D /bin/bash | grep readline`), reading the returned
 * `char *` from the shell's memory.
 *
 * Run: tsbpf run examples/bashreadline.ts
 *
 * Prints:
 *
 *   PID     COMMAND
 *   <pid>   <command line>
 */
import { pid, readUserStr, RingBuf, type str, type u32, uretprobe } from "@ts-bpf/probes";

interface Line {
  pid: u32;
  line: str<256>;
}

const lines = new RingBuf<Line>({ bytes: 64 * 1024 });

uretprobe("/bin/bash", "readline", (ctx) => {
  const line = ctx.ret();
  if (line === 0n) return; // end of input (Ctrl-D)
  lines.emit({ pid: pid(), line: readUserStr(line, 256) });
});

// Userspace.
console.log(`${"PID".padEnd(7)} COMMAND`);
lines.on((e) => console.log(`${String(e.pid).padEnd(7)} ${e.line}`));
