/**
 * Facts about the test process that corpus expectations refer to as `$name` tokens: what the
 * helpers pid(), tid(), uid(), gid(), comm() and cgroupId() must return when a test probe runs
 * through BPF_PROG_TEST_RUN (which runs it in the calling thread), $ppid (the parent's pid, as
 * the task's real_parent says), and $ncpus, the number of possible CPUs (cpu() is below it).
 */
import { readFileSync, statSync } from "node:fs";
import { gettid, possibleCpuCount } from "@ts-bpf/loader";
import type { Tokens } from "./expected_values.ts";

/** $pid, $ppid, $tid, $uid, $gid, $comm, $cgroup and $ncpus for the calling thread. */
export function processFacts(): Tokens {
  return {
    pid: BigInt(process.pid),
    ppid: BigInt(process.ppid),
    tid: BigInt(gettid()),
    uid: BigInt(process.getuid?.() ?? -1),
    gid: BigInt(process.getgid?.() ?? -1),
    comm: readFileSync("/proc/thread-self/comm", "utf8").trim(),
    cgroup: cgroupId(),
    ncpus: BigInt(possibleCpuCount()),
  };
}

/** The cgroup v2 id (the inode of the cgroup's directory) of this process, or -1 if unknown. */
function cgroupId(): bigint {
  const path = /^0::(.*)$/m.exec(readFileSync("/proc/self/cgroup", "utf8"))?.[1];
  const mount = readFileSync("/proc/self/mounts", "utf8").split("\n")
    .map((l) => l.split(" ")).find((f) => f[2] === "cgroup2")?.[1];
  if (path === undefined || mount === undefined) return -1n;
  return statSync(`${mount}${path === "/" ? "" : path}`, { bigint: true }).ino;
}
