/**
 * CPU counts the loader needs: per-CPU map values hold one slot per *possible* CPU, and perf
 * event arrays and samplers open one event per *online* CPU.
 */
import { readFileText } from "../sys/files.ts";

/** Parses a kernel CPU list such as "0-3,5,7-8" into CPU numbers. */
export function parseCpuList(text: string): number[] {
  const cpus: number[] = [];
  for (const part of text.trim().split(",")) {
    if (part === "") continue;
    const [from, to] = part.split("-").map((s) => Number.parseInt(s, 10));
    if (!Number.isInteger(from)) throw new Error(`Cannot parse CPU list '${text.trim()}'`);
    for (let cpu = from!; cpu <= (to ?? from!); cpu++) cpus.push(cpu);
  }
  return cpus;
}

let possible: number | undefined;
let online: number[] | undefined;

/** Number of possible CPUs (the slot count of per-CPU map values). */
export function possibleCpuCount(): number {
  possible ??= parseCpuList(readFileText("/sys/devices/system/cpu/possible")).length;
  return possible;
}

/** The online CPUs' numbers. */
export function onlineCpus(): number[] {
  online ??= parseCpuList(readFileText("/sys/devices/system/cpu/online"));
  return online;
}
