/**
 * Every probe in examples/ compiles, loads, and passes the kernel's verifier; where it is cheap,
 * the probe is attached and this test makes the events it watches for (opens a file, sends a
 * signal, runs a program, writes bytes, connects over TCP, types into bash, burns CPU) and
 * finds them in the probe's maps and ring buffers. Each example's header must say how to run it
 * and what it prints.
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import {
  type Artifact, attachPerfEvent, attachTracepoint, type Collection, getppid, type Link,
  openExecutable, RingBufReader,
} from "@ts-bpf/loader";
import { type DecodedValue, decodeValue, encodeValue } from "@ts-bpf/runtime";
import { compileOk, loadProbe } from "../compiler/test/support.ts";
import { kernelTest } from "./support/gates.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const EXAMPLES = readdirSync(`${ROOT}/examples`).filter((f) => f.endsWith(".ts")).sort();
const REQUIRED = ["opensnoop", "execsnoop", "syscount", "killsnoop", "runqlat", "biolatency",
  "tcplife", "bashreadline", "profile", "rwbytes"];

type Record_ = { [field: string]: DecodedValue };

function source(name: string): string {
  return readFileSync(`${ROOT}/examples/${name}`, "utf8");
}

/** A running example: compiled, loaded, every program attached. */
class Running {
  readonly artifact: Artifact;
  readonly collection: Collection;
  readonly #links: Link[] = [];
  readonly #readers: RingBufReader[] = [];

  constructor(name: string) {
    this.artifact = compileOk(source(name), `examples/${name}`);
    this.collection = loadProbe(this.artifact);
  }

  /** Starts reading ring buffer `variable` (before attaching, so nothing is missed). */
  records(variable: string): () => Record_[] {
    const map = this.artifact.maps.find((m) => m.variable === variable && !m.hidden)!;
    const reader = RingBufReader.open(this.collection.map(map.name));
    this.#readers.push(reader);
    const seen: Record_[] = [];
    return () => {
      reader.drain((bytes) => seen.push(decodeValue(map.record!, bytes) as Record_));
      return seen;
    };
  }

  attach(): this {
    for (const p of this.artifact.programs) {
      const program = this.collection.program(p.name);
      const a = p.attach;
      if (a.kind === "tracepoint") this.#links.push(attachTracepoint(program, a.target));
      else if (a.kind === "uretprobe") {
        this.#links.push(openExecutable(a.binary!).uretprobe(a.symbol!, program, { pid: -1 }));
      } else if (a.kind === "profile") this.#links.push(attachPerfEvent(program, { frequency: a.hz! }));
      else throw new Error(`the test does not attach ${a.kind} programs`);
    }
    return this;
  }

  /** Every entry of map `variable`, decoded. */
  entries(variable: string): [DecodedValue, DecodedValue][] {
    const map = this.artifact.maps.find((m) => m.variable === variable && !m.hidden)!;
    const live = this.collection.map(map.name);
    return live.lookupAll()
      .map(([k, v]) => [decodeValue(map.key, k), live.perCpu ? sumPerCpu(v) : decodeValue(map.value, v)]);
  }

  /** The value of map `variable` at `key`. */
  lookup(variable: string, key: DecodedValue): DecodedValue {
    const map = this.artifact.maps.find((m) => m.variable === variable && !m.hidden)!;
    const live = this.collection.map(map.name);
    const bytes = live.lookup(encodeValue(map.key, key));
    return bytes ? live.perCpu ? sumPerCpu(bytes) : decodeValue(map.value, bytes) : undefined;
  }

  async close(): Promise<void> {
    for (const link of this.#links.splice(0)) link.close();
    for (const reader of this.#readers.splice(0)) await reader.close();
    this.collection.close();
  }
}

/** Runs `body` with the example loaded and attached, and always detaches. */
async function withExample(name: string, body: (probe: Running) => Promise<void> | void,
  before?: (probe: Running) => void): Promise<void> {
  const probe = new Running(name);
  try {
    before?.(probe);
    probe.attach();
    await body(probe);
  } finally {
    await probe.close();
  }
}

/** Polls `read` until `found` holds or a second passes; returns the last read. */
async function eventually<T>(read: () => T, found: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 2000;
  let value = read();
  while (!found(value) && Date.now() < deadline) {
    await Bun.sleep(20);
    value = read();
  }
  return value;
}

const ownComm = readFileSync("/proc/self/comm", "utf8").trim();

/** A per-CPU u64 value (keyed Count and Sum): the sum of every CPU's slot. */
function sumPerCpu(bytes: Uint8Array): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0n;
  for (let off = 0; off + 8 <= bytes.byteLength; off += 8) total += view.getBigUint64(off, true);
  return total;
}

describe("examples", () => {
  test("examples/ holds the ten classic tools", () => {
    for (const name of REQUIRED) expect(EXAMPLES).toContain(`${name}.ts`);
  });

  for (const name of EXAMPLES) {
    test(`${name} says how to run it and what it prints`, () => {
      const header = /^\/\*\*([\s\S]*?)\*\//.exec(source(name))?.[1] ?? "";
      expect(header).toContain(`tsbpf run examples/${name}`);
      expect(header).toMatch(/Prints[^:\n]*:\n \*\n( \*   \S.*\n)+/);
    });

    kernelTest(`${name} compiles, and the verifier accepts every program`, () => {
      const artifact = compileOk(source(name), `examples/${name}`);
      expect(artifact.programs.length).toBeGreaterThan(0);
      const collection = loadProbe(artifact);
      try {
        expect([...collection.programs.keys()].sort())
          .toEqual(artifact.programs.map((p) => p.name).sort());
      } finally {
        collection.close();
      }
    });
  }

  kernelTest("opensnoop reports a file this test opens, with the fd or the errno", async () => {
    const path = `/tmp/tsbpf-opensnoop-${process.pid}-${Date.now()}`;
    let records!: () => Record_[];
    await withExample("opensnoop.ts", async () => {
      const fd = openSync(path, "w");
      closeSync(fd);
      try {
        openSync(`${path}-missing`, "r");
      } catch { /* ENOENT is the point */ }
      const seen = await eventually(records, (r) => r.filter((e) => String(e.path).startsWith(path)).length >= 2);
      const mine = seen.filter((e) => String(e.path).startsWith(path));
      expect(mine.find((e) => e.path === path)).toEqual({ pid: process.pid, fd, comm: ownComm, path });
      expect(mine.find((e) => e.path === `${path}-missing`)?.fd).toBe(-2);
    }, (p) => (records = p.records("opens")));
  });

  kernelTest("execsnoop reports a program this test runs, with its full path", async () => {
    let records!: () => Record_[];
    await withExample("execsnoop.ts", async () => {
      const child = spawnSync("/bin/true");
      const seen = await eventually(records, (r) => r.some((e) => e.pid === child.pid));
      const event = seen.find((e) => e.pid === child.pid);
      expect(event?.comm).toBe("true");
      expect(event?.path).toBe("/bin/true");
    }, (p) => (records = p.records("execs")));
  });

  kernelTest("syscount counts this test's getppid() calls by number and by command", async () => {
    await withExample("syscount.ts", (probe) => {
      const before = (probe.lookup("calls", 110) as bigint | undefined) ?? 0n;
      for (let i = 0; i < 1000; i++) getppid();
      const after = probe.lookup("calls", 110) as bigint;
      expect(after - before).toBeGreaterThanOrEqual(1000n);
      expect(probe.lookup("byProcess", ownComm) as bigint).toBeGreaterThanOrEqual(1000n);
    });
  });

  kernelTest("killsnoop reports a signal this test sends, with its result", async () => {
    let records!: () => Record_[];
    await withExample("killsnoop.ts", async () => {
      const missing = 4_000_000; // above pid_max's default: no such process
      expect(() => process.kill(missing, 0)).toThrow();
      const seen = await eventually(records, (r) => r.some((e) => e.target === missing));
      expect(seen.find((e) => e.target === missing)).toEqual({
        pid: process.pid, target: missing, signal: 0, result: -3, comm: ownComm,
      });
    }, (p) => (records = p.records("kills")));
  });

  kernelTest("runqlat fills its histogram as threads wait for a CPU", async () => {
    await withExample("runqlat.ts", async (probe) => {
      const total = () => probe.entries("latency").reduce((sum, [, v]) => sum + (v as bigint), 0n);
      for (let i = 0; i < 20; i++) await Bun.sleep(5);
      expect(await eventually(total, (t) => t > 0n)).toBeGreaterThan(0n);
    });
  });

  kernelTest("rwbytes sums the bytes this test writes", async () => {
    await withExample("rwbytes.ts", (probe) => {
      const fd = openSync("/dev/null", "w");
      for (let i = 0; i < 10; i++) writeSync(fd, new Uint8Array(12345));
      closeSync(fd);
      const mine = probe.lookup("writtenBytes", { pid: process.pid, comm: ownComm }) as bigint;
      expect(mine).toBeGreaterThanOrEqual(123450n);
    });
  });

  kernelTest("tcplife reports a TCP session this test opens and closes", async () => {
    let records!: () => Record_[];
    await withExample("tcplife.ts", async () => {
      const server = createServer((socket) => socket.end());
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const port = (server.address() as { port: number }).port;
      await new Promise<void>((resolve) => {
        const client = createConnection(port, "127.0.0.1", () => client.end());
        client.on("close", () => resolve());
        client.resume();
      });
      server.close();
      const seen = await eventually(records, (r) => r.some((e) => e.remotePort === port));
      const event = seen.find((e) => e.remotePort === port)!;
      expect(event.pid).toBe(process.pid);
      expect(event.family).toBe(2);
      expect(event.remoteV4).toEqual([127, 0, 0, 1]);
      expect(event.durationMs).toBeLessThan(2000n);
    }, (p) => (records = p.records("closed")));
  });

  kernelTest("bashreadline reads the command lines typed into an interactive bash", async () => {
    let records!: () => Record_[];
    await withExample("bashreadline.ts", async () => {
      const line = `echo tsbpf-readline-${process.pid}`;
      const bash = spawnSync("/bin/bash", ["--norc", "-i"], { input: `${line}\nexit\n`,
        env: { TERM: "dumb", PATH: "/usr/bin:/bin" } });
      const seen = await eventually(records, (r) => r.some((e) => e.line === line));
      expect(seen.find((e) => e.line === line)?.pid).toBe(bash.pid);
    }, (p) => (records = p.records("lines")));
  });

  kernelTest("profile samples this test's process while it burns CPU", async () => {
    await withExample("profile.ts", (probe) => {
      const end = Date.now() + 300;
      let x = 0;
      while (Date.now() < end) x += Math.sqrt(x + 1);
      expect(x).toBeGreaterThan(0);
      const mine = probe.entries("samples").filter(([k]) => (k as Record_).pid === process.pid);
      const total = mine.reduce((sum, [, v]) => sum + (v as bigint), 0n);
      expect(total).toBeGreaterThan(5n); // 99 Hz for 0.3 s is about 30 samples
    });
  });
});

