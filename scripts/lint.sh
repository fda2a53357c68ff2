#!/usr/bin/env bash
# Checks formatting and runs clippy on every target with warnings as errors.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CASEBOOK_ROOT"

casebook_step "cargo fmt --check"
cargo fmt --all -- --check

casebook_step "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
