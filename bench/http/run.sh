#!/bin/sh
# HTTP instrumentation overhead (root; nginx, wrk and taskset, installed from Debian's packages
# when missing; about a minute): see bench/http/bench.ts. Settings: HTTP_BENCH_RUNS,
# HTTP_BENCH_SECONDS, HTTP_BENCH_CONNECTIONS, HTTP_BENCH_KERNEL_STATS=1 (kernel program time per
# request).
set -eu
cd "$(dirname "$0")/../.."
exec node_modules/.bin/bun bench/http/bench.ts "$@"
