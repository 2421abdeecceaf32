/**
 * The probes the compiler benchmark measures, and how: the benchmark corpus (bench/compiler/
 * probes/<name>.ts) and the example probes (examples/<name>.ts, compiled as they are; their
 * userspace part is left out of the object by `tsbpf build --emit-elf`). Each has a C
 * reference (probes/<name>.bpf.c) and a bpftrace script (probes/<name>.bt) in probes/, and a
 * workload kind (workload.c) that fires its programs a known number of times.
 *
 * Counts are chosen so the whole benchmark stays under ~4 minutes: cheap syscall probes get
 * many events, the expensive ones (process execs, block I/O, CPU samples, an interactive
 * shell) fewer events and fewer rounds. runqlat and bashreadline keep the full count of rounds:
 * their per-event figures move most from round to round (context switches on both CPUs; a
 * shell's cold caches).
 */
import type { WorkloadKind } from "./workload.ts";

const HERE = new URL(".", import.meta.url).pathname;
const ROOT = new URL("../..", import.meta.url).pathname;

export interface Probe {
  name: string;
  title: string;
  /** The tsbpf source: the corpus probe, or the example itself. */
  source: string;
  workload: WorkloadKind;
  /** Workload count per measured round (events, or milliseconds for `spin`). */
  events: number;
  /** Workload count per warm-up run (until every program has run once). */
  warmupEvents?: number;
  /** Tracepoint (or other) programs bpftrace loads for it, and their kernel program type. */
  bpftracePrograms: number;
  bpftraceProgramType?: "tracepoint" | "kprobe" | "perf_event";
  bpftraceEnv?: Record<string, string>;
  /** Has a second C reference that counts ring-buffer drops like tsbpf (see run.ts). */
  clangCountingDrops?: boolean;
  /** Fewer compile runs and measured rounds than run.ts's defaults, for slow workloads. */
  compileRuns?: number;
  measureRuns?: number;
  /** Samples per second per CPU for perf_event programs (the C section does not say). */
  sampleHz?: number;
}

const corpus = (name: string) => `${HERE}probes/${name}.ts`;
const example = (name: string) => `${ROOT}examples/${name}.ts`;
/** The example probes are measured with fewer compile runs and rounds than the corpus. */
const EXAMPLE = { compileRuns: 3, measureRuns: 5 };
/** bpftrace's str() is at most 200 bytes in 0.17 (tsbpf and C read up to 256). */
const STRLEN_200 = { BPFTRACE_STRLEN: "200" };

export const PROBES: Probe[] = [
  { name: "openat_count", title: "per-pid openat() counter", source: corpus("openat_count"),
    workload: "openat", events: 200_000, bpftracePrograms: 1 },
  { name: "read_latency", title: "read() latency log2 histogram per thread", source: corpus("read_latency"),
    workload: "read", events: 200_000, bpftracePrograms: 2 },
  { name: "exec_events", title: "execve() events (pid, comm, file name) to a ring buffer",
    source: corpus("exec_events"), workload: "execve", events: 100_000, bpftracePrograms: 1,
    bpftraceEnv: STRLEN_200, clangCountingDrops: true },

  { name: "count_getppid", title: "example: getppid() calls per process (per-CPU hash)",
    source: example("count_getppid"), workload: "getppid", events: 200_000, bpftracePrograms: 1, ...EXAMPLE },
  { name: "syscount", title: "example: every syscall counted by number and by comm",
    source: example("syscount"), workload: "getppid", events: 200_000, bpftracePrograms: 1, ...EXAMPLE },
  { name: "rwbytes", title: "example: read()/write() bytes per (pid, comm), two exit tracepoints",
    source: example("rwbytes"), workload: "rw", events: 100_000, bpftracePrograms: 2, ...EXAMPLE },
  { name: "opensnoop", title: "example: openat() entry/exit, path and fd to a ring buffer",
    source: example("opensnoop"), workload: "openat", events: 100_000, bpftracePrograms: 2,
    bpftraceEnv: STRLEN_200, ...EXAMPLE },
  { name: "killsnoop", title: "example: kill() entry/exit, target, signal, result to a ring buffer",
    source: example("killsnoop"), workload: "kill", events: 100_000, bpftracePrograms: 2, ...EXAMPLE },
  { name: "execsnoop", title: "example: successful execs (sched_process_exec) to a ring buffer",
    source: example("execsnoop"), workload: "exec", events: 1_000, warmupEvents: 20, bpftracePrograms: 1,
    bpftraceEnv: STRLEN_200, ...EXAMPLE, measureRuns: 9 },
  { name: "runqlat", title: "example: run-queue latency histogram (wakeup, wakeup_new, switch)",
    source: example("runqlat"), workload: "pingpong", events: 10_000, warmupEvents: 200, bpftracePrograms: 3,
    ...EXAMPLE, measureRuns: 9 },
  { name: "biolatency", title: "example: block I/O latency histogram per disk (issue, complete)",
    source: example("biolatency"), workload: "bio", events: 2_000, warmupEvents: 100, bpftracePrograms: 2,
    ...EXAMPLE },
  { name: "tcplife", title: "example: TCP sessions (inet_sock_set_state) to a ring buffer",
    source: example("tcplife"), workload: "tcp", events: 8_000, warmupEvents: 100, bpftracePrograms: 1,
    ...EXAMPLE, measureRuns: 9 },
  { name: "bashreadline", title: "example: uretprobe on bash's readline(), lines to a ring buffer",
    source: example("bashreadline"), workload: "bash", events: 600, warmupEvents: 5, bpftracePrograms: 1,
    bpftraceProgramType: "kprobe", bpftraceEnv: STRLEN_200, ...EXAMPLE, measureRuns: 9 },
  // ns per sample; samples come at 99 Hz per CPU whatever runs, the busy loop keeps one CPU
  // in user code so both stacks are walked.
  { name: "profile", title: "example: 99 Hz CPU samples counted by pid, comm and stacks",
    source: example("profile"), workload: "spin", events: 2_500, warmupEvents: 100, bpftracePrograms: 1,
    bpftraceProgramType: "perf_event", sampleHz: 99, compileRuns: 3, measureRuns: 9 },
];
