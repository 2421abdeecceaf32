/**
 * Runtime-neutral kernel scenarios: each loads, attaches, exercises and cleans up, and returns
 * what it observed. The Bun/Deno suite (kernel_test.ts) and the Node smoke test assert on them.
 */
import { call, exit, Helper, ldMapRef, ldx, mov64, ProgType, R0, R1, R10, R2, Size, st, alu64,
  assemble } from "../src/asm/mod.ts";
import { BpfMap } from "../src/maps/bpf_map.ts";
import { MapType } from "../src/asm/mod.ts";
import { loadProgram } from "../src/programs/program.ts";
import { programSpec } from "../src/programs/from_instructions.ts";
import { VerifierError } from "../src/programs/verifier_error.ts";
import { attachTracepoint } from "../src/links/tracepoint.ts";
import { getpid, getppid } from "../src/sys/os.ts";
import { countCallsOf, firstArgPlusOne } from "./programs.ts";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBpfObject } from "../src/object/object_reader.ts";
import { loadCollection } from "../src/object/collection.ts";
import { openExecutable } from "../src/links/uprobe.ts";
import { buildTargets, expectedSums, startTarget } from "../src/links/testing/c_target.ts";
import { registerCounter } from "../src/links/testing/programs.ts";
import { RingBufReader } from "../src/ringbuf/ring_buf_reader.ts";
import { GetppidProbe } from "../src/ringbuf/getppid_probe.ts";
import { BpfCmd } from "../src/sys/bpf_cmd.ts";
import { getNextId } from "../src/sys/link_cmds.ts";

function u64At(bytes: Uint8Array): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
}

/** Attaches a per-process counter to sys_enter_getppid, calls getppid() `n` times, detaches. */
export function countGetppidCalls(n: number): number {
  using counts = BpfMap.create({ name: "counts", type: MapType.ARRAY, keySize: 4, valueSize: 8,
    maxEntries: 1 });
  using program = loadProgram(countCallsOf(getpid()), { maps: { counts } });
  {
    using _link = attachTracepoint(program, "syscalls:sys_enter_getppid");
    for (let i = 0; i < n; i++) getppid();
  }
  // Detached: these calls must not count.
  for (let i = 0; i < 10; i++) getppid();
  return Number(u64At(counts.lookup(new Uint8Array(4))!));
}

/** Test-runs a raw-tracepoint program with args[0] = `arg`; returns its return value. */
export function rawTracepointTestRun(arg: bigint): number {
  using program = loadProgram(firstArgPlusOne());
  const ctx = new Uint8Array(8);
  new DataView(ctx.buffer).setBigUint64(0, arg, true);
  return program.testRun({ ctx }).retval;
}

/** Loads a program that dereferences a map lookup without a null check; returns the error text. */
export function verifierRejection(): string {
  using counts = BpfMap.create({ name: "counts", type: MapType.HASH, keySize: 4, valueSize: 8,
    maxEntries: 1 });
  const spec = programSpec("bad_null", ProgType.TRACEPOINT, assemble([
    st(Size.W, R10, -4, 0),
    mov64.reg(R2, R10),
    alu64.add.imm(R2, -4),
    ldMapRef(R1, "counts"),
    call(Helper.map_lookup_elem),
    ldx(Size.DW, R0, R0, 0),
    exit(),
  ]));
  try {
    using _p = loadProgram(spec, { maps: { counts } });
  } catch (error) {
    if (error instanceof VerifierError) return error.message;
    throw error;
  }
  throw new Error("the verifier accepted a program it must reject");
}

/** Ids of every BPF link in the kernel now (BPF_LINK_GET_NEXT_ID), as `bpftool link` lists. */
export function kernelLinkIds(): number[] {
  const ids: number[] = [];
  for (let id = getNextId(BpfCmd.LINK_GET_NEXT_ID, 0); id !== 0;
    id = getNextId(BpfCmd.LINK_GET_NEXT_ID, id)) ids.push(id);
  return ids;
}

/** A fixture's path; bundled for Node, import.meta.url points elsewhere, so fall back to cwd. */
export function fixturePath(name: string): string {
  const beside = new URL(`./fixtures/${name}`, import.meta.url).pathname;
  return existsSync(beside) ? beside : join(process.cwd(), "loader/test/fixtures", name);
}

/** Compiles test/fixtures/counter.bpf.c with clang; returns the object's bytes. */
export function buildCounterObject(): Uint8Array {
  return buildObject("counter.bpf.c");
}

/** Compiles a C fixture with clang in the libbpf convention; returns the object's bytes. */
export function buildObject(fixture: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-obj-"));
  const source = fixturePath(fixture);
  const out = join(dir, fixture.replace(/\.c$/, ".o"));
  execFileSync("clang", ["-O2", "-g", "-target", "bpf", "-I/usr/include/x86_64-linux-gnu",
    "-c", source, "-o", out]);
  return new Uint8Array(readFileSync(out));
}

/** Loads the clang-built counter object, sets its target pid, attaches, counts `n` getppid(). */
export function clangObjectCount(object: Uint8Array, n: number): { count: number; progId: number } {
  const spec = readBpfObject(object, "counter.bpf.o");
  const rodata = spec.maps.find((m) => m.spec.name === ".rodata")!;
  new DataView(rodata.initialValue!.buffer, rodata.initialValue!.byteOffset).setUint32(0,
    getpid(), true);
  using collection = loadCollection(spec);
  const progId = collection.program("count_getppid").info().id;
  {
    using _link = collection.attach("count_getppid");
    for (let i = 0; i < n; i++) getppid();
  }
  return { count: Number(u64At(collection.map("counts").lookup(new Uint8Array(4))!)), progId };
}

/**
 * Uprobe and uretprobe on `add(a, b)` in a C program built now with cc (PIE): sums of the first
 * arguments and of the results the probes saw, beside what the program computed.
 */
export async function uprobeAddSums(calls: number): Promise<{
  seen: { entry: { count: bigint; sum: bigint }; exit: { count: bigint; sum: bigint } };
  expected: { args: bigint; results: bigint };
}> {
  const target = await startTarget(buildTargets().pie, calls);
  using entry = registerCounter(target.pid, "rdi");
  using exit = registerCounter(target.pid, "rax");
  const executable = openExecutable(buildTargets().pie);
  {
    using _in = executable.uprobe("add", entry.program, { pid: target.pid });
    using _out = executable.uretprobe("add", exit.program, { pid: target.pid });
    await target.go();
  }
  return { seen: { entry: entry.read(), exit: exit.read() }, expected: expectedSums(calls) };
}

/**
 * A burst of `n` getppid() calls, each writing its sequence number to a ring buffer read by a
 * RingBufReader started before attaching: the sequence numbers it saw, and failed outputs.
 */
export async function ringBufferBurst(n: number): Promise<{ sequence: number[]; failures: number }> {
  using events = BpfMap.create({ name: "events", type: MapType.RINGBUF, keySize: 0, valueSize: 0,
    maxEntries: 1 << 20 });
  const reader = RingBufReader.open(events);
  const sequence: number[] = [];
  const running = reader.start((record) => {
    sequence.push(Number(new DataView(record.buffer, record.byteOffset, 8).getBigUint64(0, true)));
  });
  let failures = 0;
  {
    using probe = GetppidProbe.attach("ringbuf", getpid(), events);
    for (let i = 0; i < n; i++) getppid();
    failures = probe.read().failures;
  }
  for (let i = 0; i < 200 && sequence.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  await reader.close();
  await running.catch(() => undefined);
  return { sequence, failures };
}
