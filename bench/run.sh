#!/bin/sh
# `npm run bench`: tsbpf against bpftrace and clang/libbpf, every suite in one run; prints the
# table and writes bench/RESULTS.md and bench/results.json. Needs root; about 14 minutes on a
# 2-core machine. Settings (environment): see the header of bench/run.ts.
set -eu
cd "$(dirname "$0")/.."
# The CLI as a user runs it: its bytecode bundle, rebuilt so it matches the sources.
node_modules/.bin/bun scripts/bundle_cli.ts
exec node_modules/.bin/bun bench/run.ts "$@"
