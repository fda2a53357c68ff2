#!/usr/bin/env bash
# Everything CI checks, in order; stops at the first failure. Run via `make test` or .ci/run.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CASEBOOK_ROOT"

"$CASEBOOK_ROOT/scripts/setup.sh"

casebook_step "cargo fetch --locked"
cargo fetch --locked

"$CASEBOOK_ROOT/scripts/lint.sh"

# The shared contract crate must stay IO-free and build for the browser.
casebook_step "cargo build -p casebook-api --target wasm32-unknown-unknown"
cargo build --locked -p casebook-api --target wasm32-unknown-unknown

casebook_step "cargo test --workspace"
cargo test --workspace --locked

"$CASEBOOK_ROOT/scripts/build-ui.sh"

# Browser tests against the real server (builds the server binary; ./dist is fresh from above).
"$CASEBOOK_ROOT/scripts/e2e.sh"

casebook_step "all checks passed"
