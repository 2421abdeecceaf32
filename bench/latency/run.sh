#!/bin/sh
# Function-latency probe overhead (root, gcc; bpftrace and bpftool for the comparison; about a
# minute): see bench/latency/bench.ts. Settings: LATENCY_BENCH_CALLS, LATENCY_BENCH_RUNS.
set -eu
cd "$(dirname "$0")/../.."
exec node_modules/.bin/bun bench/latency/bench.ts "$@"
