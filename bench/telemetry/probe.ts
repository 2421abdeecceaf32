/**
 * Benchmark probe: every getpgid(arg) call is counted and its argument recorded in a log2
 * histogram (both keyed by pid, both exported), and one span per call goes to a span stream.
 */
import {
  comm, Count, Histogram, ktimeNs, pid, SpanStream, type str, tracepoint, type u8, type u32, type u64,
} from "@ts-bpf/probes";

interface CallSpan {
  name: str<16>;
  start: u64;
  end: u64;
  kind: u8;
  pid: u32;
  arg: u64;
}

const calls = new Count<u32>({ name: "bench.getpgid.calls" });
const args = new Histogram<u32>({ name: "bench.getpgid.arg" });
const spans = new SpanStream<CallSpan>({ bytes: 1 << 20 });

tracepoint("syscalls:sys_enter_getpgid", (ctx) => {
  const arg: u64 = ctx.pid;
  calls.increment(pid());
  args.record(arg, pid());
  const start = ktimeNs();
  spans.emit({ name: comm(), start, end: start + arg, kind: 1, pid: pid(), arg });
});
