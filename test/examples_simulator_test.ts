/**
 * Every example probe, unit-tested under the simulator (no root, no kernel): fire its attach
 * points with made-up contexts and tasks, then check what its maps and ring buffers hold. For
 * the examples whose events are cheap to cause for real (getppid, a failed open, kill(pid, 0)),
 * the same assertions also run against the probe loaded into the kernel.
 */
import { describe, expect, test } from "bun:test";
import { openSync } from "node:fs";
import { getppid } from "@ts-bpf/loader";
import { load, simulate, type Simulator } from "@ts-bpf/runtime";
import { kernelTest } from "./support/gates.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const example = (name: string) => simulate(`${ROOT}examples/${name}`);

/** bpftrace's log2 bucket of a value: 0 for 0, else floor(log2(v)) + 1. */
const log2Bucket = (v: bigint) => v === 0n ? 0 : v.toString(2).length;

/** count_getppid: the count kept for `pid` after `calls` getppid() calls. */
function assertGetppidCount(entries: { key: unknown; value: unknown }[], pid: number, calls: number): void {
  expect(entries.find((e) => e.key === pid)?.value).toBe(BigInt(calls));
}

/** opensnoop: a failed open of `path` reported with -ENOENT for `pid`. */
function assertFailedOpen(events: unknown[], pid: number, path: string): void {
  const opens = (events as { pid: number; fd: number; path: string }[]).filter((e) => e.path === path);
  expect(opens.map((e) => ({ pid: e.pid, fd: e.fd, path: e.path }))).toEqual([{ pid, fd: -2, path }]);
}

describe("examples under the simulator", () => {
  test("count_getppid counts calls per process", async () => {
    const sim = await example("count_getppid.ts");
    for (let i = 0; i < 3; i++) sim.fire("syscalls:sys_enter_getppid", {}, { pid: 42 });
    sim.fire("syscalls:sys_enter_getppid", {}, { pid: 7 });
    const snap = sim.snapshot("calls");
    expect(snap.kind).toBe("table");
    if (snap.kind !== "table") return;
    assertGetppidCount(snap.entries, 42, 3);
    assertGetppidCount(snap.entries, 7, 1);
    expect(snap.entries).toHaveLength(2);
  });

  test("embed/count_calls counts calls per process", async () => {
    const sim = await example("embed/count_calls.ts");
    sim.fire("syscalls:sys_enter_getppid", {}, { pid: 5 });
    sim.fire("syscalls:sys_enter_getppid", {}, { pid: 5 });
    expect(sim.get("calls", 5)).toBe(2n);
  });

  test("opensnoop reports the path and result of each open, per thread", async () => {
    const sim = await example("opensnoop.ts");
    const cat = { pid: 42, tid: 43, comm: "cat" };
    sim.fire("syscalls:sys_enter_openat", { filename: "/etc/passwd", flags: 0 }, cat);
    // Another thread's open in between must not be mixed up with this one.
    sim.fire("syscalls:sys_enter_openat", { filename: "/nope" }, { pid: 42, tid: 44, comm: "cat" });
    sim.fire("syscalls:sys_exit_openat", { ret: 3 }, cat);
    sim.fire("syscalls:sys_exit_openat", { ret: -2 }, { pid: 42, tid: 44, comm: "cat" });
    const events = sim.events("opens");
    expect(events).toEqual([
      { pid: 42, fd: 3, comm: "cat", path: "/etc/passwd" },
      { pid: 42, fd: -2, comm: "cat", path: "/nope" },
    ]);
    assertFailedOpen(events, 42, "/nope");
    // The entry is removed at exit: a second exit without an entry reports nothing.
    sim.fire("syscalls:sys_exit_openat", { ret: 4 }, cat);
    expect(sim.events("opens")).toEqual([]);
  });

  test("opensnoop truncates long paths to the record's 255 characters and a NUL", async () => {
    const sim = await example("opensnoop.ts");
    const long = `/${"x".repeat(400)}`;
    sim.fire("syscalls:sys_enter_openat", { filename: long }, { pid: 1 });
    sim.fire("syscalls:sys_exit_openat", { ret: 5 }, { pid: 1 });
    const [event] = sim.events("opens") as { path: string }[];
    expect(event!.path).toBe(long.slice(0, 255));
  });

  test("execsnoop reports each exec with its uid and filename", async () => {
    const sim = await example("execsnoop.ts");
    sim.fire("sched:sched_process_exec", { filename: "/usr/bin/ls", pid: 77, old_pid: 77 },
      { pid: 77, uid: 1000, comm: "ls" });
    expect(sim.events("execs")).toEqual([{ pid: 77, uid: 1000, comm: "ls", path: "/usr/bin/ls" }]);
  });

  test("killsnoop pairs the entry's target and signal with the exit's result", async () => {
    const sim = await example("killsnoop.ts");
    const shell = { pid: 10, comm: "bash" };
    sim.fire("syscalls:sys_enter_kill", { pid: 1234, sig: 9 }, shell);
    sim.fire("syscalls:sys_exit_kill", { ret: -3 }, shell);
    sim.fire("syscalls:sys_enter_kill", { pid: -1, sig: 15 }, shell);
    sim.fire("syscalls:sys_exit_kill", { ret: 0 }, shell);
    expect(sim.events("kills")).toEqual([
      { pid: 10, target: 1234, signal: 9, result: -3, comm: "bash" },
      { pid: 10, target: -1, signal: 15, result: 0, comm: "bash" },
    ]);
    expect(sim.size("inFlight")).toBe(0);
  });

  test("syscount counts by syscall number and by command", async () => {
    const sim = await example("syscount.ts");
    sim.fire("raw_syscalls:sys_enter", { id: 0 }, { pid: 1, comm: "cat" });
    sim.fire("raw_syscalls:sys_enter", { id: 0 }, { pid: 2, comm: "dd" });
    sim.fire("raw_syscalls:sys_enter", { id: 257 }, { pid: 1, comm: "cat" });
    expect(sim.get("calls", 0)).toBe(2n);
    expect(sim.get("calls", 257)).toBe(1n);
    expect(sim.get("byProcess", "cat")).toBe(2n);
    expect(sim.get("byProcess", "dd")).toBe(1n);
  });

  test("rwbytes sums the bytes of successful reads and writes per process", async () => {
    const sim = await example("rwbytes.ts");
    const task = { pid: 3, comm: "dd" };
    sim.fire("syscalls:sys_exit_read", { ret: 4096 }, task);
    sim.fire("syscalls:sys_exit_read", { ret: 100 }, task);
    sim.fire("syscalls:sys_exit_read", { ret: -11 }, task); // EAGAIN: not counted
    sim.fire("syscalls:sys_exit_write", { ret: 512 }, task);
    expect(sim.get("readBytes", { pid: 3, comm: "dd" })).toBe(4196n);
    expect(sim.get("writtenBytes", { pid: 3, comm: "dd" })).toBe(512n);
  });

  test("biolatency records issue-to-completion time in microseconds, by device", async () => {
    const sim = await example("biolatency.ts");
    const dev = (8 << 20) | 0;
    sim.fire("block:block_rq_issue", { dev, sector: 2048n });
    sim.advance(1_500_000); // 1.5 ms
    sim.fire("block:block_rq_complete", { dev, sector: 2048n });
    // A completion with no issue seen (started before the probe) records nothing.
    sim.fire("block:block_rq_complete", { dev, sector: 4096n });
    const buckets = sim.histogram("latency", dev);
    expect(buckets[log2Bucket(1500n)]).toBe(1n);
    expect(buckets.reduce((a, b) => a + b, 0n)).toBe(1n);
    expect(sim.size("issuedAt")).toBe(0);
  });

  test("runqlat records how long a woken thread waited for a CPU", async () => {
    const sim = await example("runqlat.ts");
    sim.fire("sched:sched_wakeup", { pid: 100 });
    sim.advance(40_000); // 40 us
    sim.fire("sched:sched_switch", { prev_pid: 1, prev_state: 1n, next_pid: 100 });
    // A preempted task (prev_state with no sleeping bit) is queued again at once.
    sim.advance(3_000);
    sim.fire("sched:sched_switch", { prev_pid: 100, prev_state: 0x100n, next_pid: 1 });
    sim.advance(5_000);
    sim.fire("sched:sched_switch", { prev_pid: 1, prev_state: 1n, next_pid: 100 });
    const buckets = sim.histogram("latency");
    expect(buckets[log2Bucket(40n)]).toBe(1n);
    expect(buckets[log2Bucket(5n)]).toBe(1n);
    expect(buckets.reduce((a, b) => a + b, 0n)).toBe(2n);
  });

  test("tcplife reports a TCP session's duration, ports and addresses at close", async () => {
    const sim = await example("tcplife.ts");
    const sock = { protocol: 6, skaddr: 0xffff888012345678n, family: 2, sport: 40000, dport: 443,
      saddr: [10, 0, 0, 1], daddr: [93, 184, 216, 34] };
    const curl = { pid: 900, comm: "curl" };
    sim.fire("sock:inet_sock_set_state", { ...sock, oldstate: 7, newstate: 2 }, curl); // SYN_SENT
    sim.advance(25_000_000);
    sim.fire("sock:inet_sock_set_state", { ...sock, oldstate: 2, newstate: 1 }, curl); // ESTABLISHED
    sim.fire("sock:inet_sock_set_state", { ...sock, oldstate: 1, newstate: 4 }, curl); // FIN_WAIT1
    sim.fire("sock:inet_sock_set_state", { ...sock, oldstate: 4, newstate: 7 }, { pid: 0, comm: "swapper/0" });
    const events = sim.events("closed") as Record<string, unknown>[];
    expect(events).toHaveLength(1);
    const { pid, comm, durationMs, family, localPort, remotePort, localV4, remoteV4 } = events[0]!;
    expect({ pid, comm, durationMs, family, localPort, remotePort, localV4, remoteV4 }).toEqual({
      pid: 900, comm: "curl", durationMs: 25n, family: 2, localPort: 40000, remotePort: 443,
      localV4: [10, 0, 0, 1], remoteV4: [93, 184, 216, 34] });
    // UDP sockets are not sessions.
    sim.fire("sock:inet_sock_set_state", { ...sock, protocol: 17, newstate: 7 }, curl);
    expect(sim.events("closed")).toEqual([]);
  });

  test("bashreadline reports each line bash read, and nothing at end of input", async () => {
    const sim = await example("bashreadline.ts");
    sim.fire("readline", { ret: "ls -l" }, { pid: 321, comm: "bash" });
    sim.fire("readline", { ret: 0n }, { pid: 321, comm: "bash" });
    expect(sim.events("lines")).toEqual([{ pid: 321, line: "ls -l" }]);
  });

  test("profile counts samples by process and stack", async () => {
    const sim = await example("profile.ts");
    const task = { pid: 55, comm: "busy", kernelStack: [0xffffffff81000010n, 0xffffffff81000020n] };
    sim.fire("profile", {}, task);
    sim.fire("profile", {}, task);
    const snap = sim.snapshot("samples");
    if (snap.kind !== "table") throw new Error(`expected a table, got ${snap.kind}`);
    expect(snap.entries).toHaveLength(1);
    const [entry] = snap.entries as { key: Record<string, unknown>; value: unknown }[];
    const { pid, comm, userStack, kernelStack } = entry!.key;
    // No user stack was set: get_stackid fails with -EFAULT, as for a kernel thread.
    expect({ pid, comm, userStack }).toEqual({ pid: 55, comm: "busy", userStack: -14 });
    expect(kernelStack).toBeGreaterThanOrEqual(0);
    const stack = sim.get("stacks", kernelStack as number) as bigint[];
    expect(stack.slice(0, 3)).toEqual([0xffffffff81000010n, 0xffffffff81000020n, 0n]);
    expect(entry!.value).toBe(2n);
  });
});

describe("examples in the kernel, with the simulator's assertions", () => {
  kernelTest("count_getppid counts this process's getppid() calls", async () => {
    await using probe = await load(`${ROOT}examples/count_getppid.ts`, { userspace: false });
    for (let i = 0; i < 3; i++) getppid();
    const snap = probe.snapshots().find((s) => s.map.variable === "calls")!;
    if (snap.kind !== "table") throw new Error(`expected a table, got ${snap.kind}`);
    assertGetppidCount(snap.entries, process.pid, 3);
  });

  kernelTest("opensnoop reports this process's failed open", async () => {
    await using probe = await load(`${ROOT}examples/opensnoop.ts`, { userspace: false });
    const events: unknown[] = [];
    probe.on("opens", (e) => events.push(e));
    const path = `/tmp/tsbpf-missing-${process.pid}-${Date.now()}`;
    expect(() => openSync(path, "r")).toThrow();
    for (let i = 0; i < 100 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assertFailedOpen(events, process.pid, path);
  });
});

/** Keeps the type import used when only some tests run. */
export type { Simulator };
