#!/bin/sh
# The compiler benchmark: tsbpf against bpftrace and clang -O2 on the same probes (compile
# time, xlated instructions, ns per event). Prints a markdown table and writes results.json
# here. Needs root, cc, clang, bpftool, bpftrace and taskset; about a minute. Settings: see run.ts.
# Pass --baseline <dir> to also measure another checkout's compiler/ (before/after figures).
set -eu
cd "$(dirname "$0")/../.."
# The CLI as a user runs it: its bytecode bundle, rebuilt so it matches the sources.
node_modules/.bin/bun scripts/bundle_cli.ts
exec node_modules/.bin/bun bench/compiler/run.ts "$@"
