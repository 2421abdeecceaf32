#!/bin/sh
# The test command (`npm test`): type-check, every suite under Bun, the loader's suite under
# Deno, and the Node smoke test through koffi. Stops at the first failing step.
set -eu
cd "$(dirname "$0")/.."
BIN=node_modules/.bin

step() { printf '\n=== %s\n' "$*"; }

step "bundle the CLI (runtime/dist, what runtime/bin/tsbpf runs)"
$BIN/bun scripts/bundle_cli.ts

step "type-check (tsc --strict)"
$BIN/tsc -p tsconfig.json

step "all suites under Bun"
$BIN/bun test --timeout 60000

step "loader suite under Deno"
$BIN/deno test --allow-all --quiet loader/

step "Node smoke test (koffi)"
mkdir -p .build
node scripts/bundle_node.mjs test/node/loader_smoke.ts .build/loader_smoke.mjs
node scripts/bundle_node.mjs loader/test/fixtures/attach_and_hold.ts .build/attach_and_hold.mjs
node .build/loader_smoke.mjs
