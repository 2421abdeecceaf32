#!/bin/sh
# The compiler benchmark: tsbpf against bpftrace and clang -O2 on the same probes, the benchmark
# corpus and the example probes (compile time, xlated instructions, ns per event). Prints a
# markdown table and writes results.json here. Needs root, cc, clang, bpftool, bpftrace, taskset
# and script (util-linux, for the bash workload); about three minutes. Settings: see run.ts and
# probe_list.ts. Pass --baseline <dir> to also measure another checkout's compiler/ (before/after
# figures), --only a,b to measure only the probes named.
set -eu
cd "$(dirname "$0")/../.."
# The CLI as a user runs it: its bytecode bundle, rebuilt so it matches the sources.
node_modules/.bin/bun scripts/bundle_cli.ts
exec node_modules/.bin/bun bench/compiler/run.ts "$@"
