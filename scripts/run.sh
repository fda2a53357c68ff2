#!/usr/bin/env bash
# Builds the SPA and runs the Casebook server (which serves ./dist and the API).
# Extra arguments go to the server.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CASEBOOK_ROOT"

"$CASEBOOK_ROOT/scripts/setup.sh"
"$CASEBOOK_ROOT/scripts/build-ui.sh"

casebook_step "cargo run -p casebook-server"
cargo run --locked --release -p casebook-server --bin casebook -- "$@"
