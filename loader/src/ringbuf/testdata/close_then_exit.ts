/**
 * Run as its own process by the reader tests: consumes records with a running reader, closes
 * everything, and returns without calling exit. The process must then end by itself, which
 * proves the reader leaves nothing (a Worker, a pending wait, a timer) holding the event loop.
 * Usage: `<runtime> close_then_exit.ts ringbuf|perf`.
 */
import { MapType } from "../../asm/mod.ts";
import { possibleCpuCount } from "../../kernel/cpus.ts";
import { BpfMap } from "../../maps/bpf_map.ts";
import { getpid } from "../../sys/os.ts";
import { GetppidProbe } from "../getppid_probe.ts";
import { PerfBufReader } from "../perf_buf_reader.ts";
import { RingBufReader } from "../ring_buf_reader.ts";
import { burst, until } from "../test_helpers.ts";

// deno-lint-ignore no-explicit-any
declare const Deno: any;
const args: string[] = typeof Deno !== "undefined" ? Deno.args : process.argv.slice(2);
const kind = args[0] === "perf" ? "perf" : "ringbuf";

const events = kind === "perf"
  ? BpfMap.create({ name: "events", type: MapType.PERF_EVENT_ARRAY, keySize: 4, valueSize: 4,
    maxEntries: possibleCpuCount() })
  : BpfMap.create({ name: "events", type: MapType.RINGBUF, keySize: 0, valueSize: 0,
    maxEntries: 64 * 1024 });
const reader = kind === "perf" ? PerfBufReader.open(events) : RingBufReader.open(events);
let seen = 0;
const running = reader.start(() => seen++);
const probe = GetppidProbe.attach(kind, getpid(), events);
burst(100);
await until(() => seen === 100, 5000, "100 records");
// Let the loop go back to waiting in epoll_wait, the state close() must undo.
await new Promise((r) => setTimeout(r, 20));
await reader.close();
await running;
probe.close();
events.close();
console.log(`done ${seen}`);
