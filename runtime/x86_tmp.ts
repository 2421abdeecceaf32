import { execFileSync } from "node:child_process";
import { definedFunctions, openExecutable, loadSegmentAt } from "@ts-bpf/loader";
import { decodeFunction } from "./src/latency/x86_length.ts";
const path = process.argv[2]!;
const exe = openExecutable(path);
const dump = execFileSync("objdump", ["-d", "-w", "--no-show-raw-insn", path], { encoding: "utf8", maxBuffer: 1 << 30 });
const starts = new Set<number>();
for (const line of dump.split("\n")) { const m = /^\s+([0-9a-f]+):\t/.exec(line); if (m) starts.add(parseInt(m[1]!, 16)); }
let ok = 0, bad = 0, undecoded = 0; const fails: string[] = [];
for (const f of definedFunctions(exe.elf)) {
  if (f.size === 0) continue;
  const fileOff = exe.resolve(f.value).fileOffset;
  const code = exe.elf.bytes.subarray(fileOff, fileOff + f.size);
  const ins = decodeFunction(code);
  if (!ins) { undecoded++; if (fails.length < 8) fails.push(`undecoded ${f.name}`); continue; }
  const mine = ins.map((i) => f.value + i.offset);
  const theirs = [...starts].filter((a) => a >= f.value && a < f.value + f.size).sort((a, b) => a - b);
  if (mine.length === theirs.length && mine.every((a, i) => a === theirs[i])) ok++;
  else { bad++; if (fails.length < 8) { const i = mine.findIndex((a, k) => a !== theirs[k]); fails.push(`${f.name} differs at 0x${(mine[i] ?? 0).toString(16)} vs 0x${(theirs[i] ?? 0).toString(16)}`); } }
}
console.log(path, { ok, bad, undecoded }, fails);
