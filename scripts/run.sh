#!/usr/bin/env bash
# Installs what is missing, builds the SPA and runs the Casebook server on SQLite
# (./data/casebook.db), serving ./dist and the API. Extra arguments go to `casebook serve`
# (e.g. --bind 0.0.0.0:5601). The first start creates the `elastic` superuser with the password in
# CASEBOOK_ELASTIC_PASSWORD, `changeme` unless you set it.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CASEBOOK_ROOT"

"$CASEBOOK_ROOT/scripts/setup.sh"
"$CASEBOOK_ROOT/scripts/build-ui.sh"

casebook_step "cargo build --release -p casebook-server"
cargo build --locked --release -p casebook-server --bin casebook

export CASEBOOK_ELASTIC_PASSWORD="${CASEBOOK_ELASTIC_PASSWORD:-changeme}"
casebook_step "casebook serve (sign in as elastic / $CASEBOOK_ELASTIC_PASSWORD; Ctrl+C stops)"
exec "$CARGO_TARGET_DIR/release/casebook" serve --dist "$CASEBOOK_ROOT/dist" "$@"
