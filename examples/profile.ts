/**
 * profile: where the CPUs spend their time. Samples every CPU 99 times a second (a perf_event
 * on the CPU clock) and counts samples by process and by kernel and user stack; every
 * 5 seconds the userspace part prints the five hottest kernel stacks, symbolized from
 * /proc/kallsyms, with their processes. A port of bcc's profile (user stacks are shown as
 * addresses: symbolizing them needs each binary's symbol table).
 *
 * Run: tsbpf run examples/profile.ts
 *
 * Prints (every 5 seconds, then the maps at exit):
 *
 *   <samples> samples of <comm> (pid <pid>):
 *       <kernel function>+0x<offset>
 *       <kernel function>+0x<offset>
 *       …
 *       (user) 0x<address>
 *       …
 *
 *   @samples[<pid>, <comm>, <kernel stack id>, <user stack id>]: <count>
 */
import {
  comm, Count, interval, kstack, pid, profile, StackTraceMap, type str, type i32, type u32,
  ustack,
} from "@ts-bpf/probes";
import { readFileSync } from "node:fs";

interface Sample {
  pid: u32;
  comm: str<16>;
  /** Ids in `stacks`; negative when there is no such stack (a kernel thread has no user stack). */
  kernelStack: i32;
  userStack: i32;
}

const stacks = new StackTraceMap({ entries: 4096, depth: 64 });
const samples = new Count<Sample>({ name: "cpu.profile.samples", unit: "{sample}",
  description: "CPU samples at 99 Hz by process and stack" });

profile({ hz: 99 }, () => {
  samples.increment({ pid: pid(), comm: comm(), kernelStack: kstack(stacks),
    userStack: ustack(stacks) });
});

// Userspace: kernel symbols, sorted by address, for a binary search.
const kernelSymbols = readFileSync("/proc/kallsyms", "utf8").split("\n")
  .map((line) => line.split(" "))
  .filter((f) => f.length >= 3 && /[tT]/.test(f[1]!))
  .map(([address, , name]) => ({ address: BigInt(`0x${address}`), name: name! }))
  .filter((s) => s.address !== 0n)
  .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));

function kernelSymbol(address: bigint): string {
  let lo = 0;
  let hi = kernelSymbols.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (kernelSymbols[mid]!.address <= address) lo = mid;
    else hi = mid - 1;
  }
  const symbol = kernelSymbols[lo];
  if (!symbol || symbol.address > address) return `0x${address.toString(16)}`;
  return `${symbol.name}+0x${(address - symbol.address).toString(16)}`;
}

interval({ ms: 5000 }, () => {
  const hottest = [...samples.entries()].map(([sample, count]) => ({ sample, count: count as bigint }))
    .sort((a, b) => (b.count > a.count ? 1 : b.count < a.count ? -1 : 0)).slice(0, 5);
  for (const { sample, count } of hottest) {
    console.log(`${count} samples of ${sample.comm} (pid ${sample.pid}):`);
    const kernel = sample.kernelStack >= 0 ? stacks.get(sample.kernelStack) ?? [] : [];
    for (const address of kernel) console.log(`    ${kernelSymbol(address)}`);
    const user = sample.userStack >= 0 ? stacks.get(sample.userStack) ?? [] : [];
    for (const address of user) console.log(`    (user) 0x${address.toString(16)}`);
  }
  console.log();
});
