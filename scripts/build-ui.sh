#!/usr/bin/env bash
# Builds the SPA with Trunk into ./dist (release, profile wasm-release, wasm-opt -Oz).
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
