#!/bin/sh
# The ring-buffer benchmark: records/s to a JS callback in Bun, Deno and Node, and what the
# reader costs a traced getppid() loop. Prints a markdown table and writes results.json here.
# Needs root, cc and taskset; about 2 minutes. Settings: see the header of run.ts.
set -eu
cd "$(dirname "$0")/../.."
exec node_modules/.bin/bun bench/ringbuf/run.ts
