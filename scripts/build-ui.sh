#!/usr/bin/env bash
# Builds the SPA with Trunk into ./dist (release, profile wasm-release, wasm-opt -Oz), then writes
# brotli and gzip copies of the wasm, JS and CSS for the server to send as they are.
# Extra arguments go to `trunk build`. Assumes scripts/setup.sh has run.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CASEBOOK_ROOT"

# Trunk.toml sets offline = true, which passes --offline to cargo: fetch first.
casebook_step "cargo fetch --locked"
cargo fetch --locked

casebook_step "trunk build --release"
trunk build --release "$@"

casebook_step "precompress dist (brotli + gzip)"
node "$CASEBOOK_ROOT/scripts/compress-dist.mjs" "$CASEBOOK_ROOT/dist"
