#!/usr/bin/env bash
# Formats all Rust code in the workspace.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CASEBOOK_ROOT"

cargo fmt --all
