#!/usr/bin/env bash
# Browser tests: Playwright in Debian's Chromium against the real server (tests/e2e/).
# Builds the server binary (cargo, incremental) and the UI when ./dist is missing or older than
# the SPA sources, then runs Playwright. Extra arguments go to `playwright test`, e.g.
#   scripts/e2e.sh tests/e2e/login.spec.ts -g "wrong password"
# Env: E2E_SKIP_BUILD=1 skips both builds; CASEBOOK_BIN picks the server binary; E2E_WORKERS.
# Always ends with a plain `N passed, N failed` line (CI reads it); exits non-zero on failure.
set -uo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CASEBOOK_ROOT"

results=tests/e2e/artifacts/results.json

summary() {
  if [[ -f "$results" ]]; then
    node -e '
      const s = require(process.argv[1]).stats;
      const failed = s.unexpected + (process.argv[2] !== "0" && s.unexpected === 0 ? 1 : 0);
      console.log(`${s.expected + s.flaky} passed, ${failed} failed`);
    ' "$CASEBOOK_ROOT/$results" "$1"
  else
    echo "0 passed, 1 failed"
  fi
}

if [[ "${E2E_SKIP_BUILD:-}" != 1 ]]; then
  casebook_step "cargo build -p casebook-server"
  if ! cargo build --locked -p casebook-server; then
    summary 1
    exit 1
  fi
  stale=""
  if [[ ! -f dist/index.html ]]; then
    stale=yes
  elif [[ -n "$(find src style api/src index.html Trunk.toml Cargo.toml Cargo.lock public \
      -newer dist/index.html -type f -print -quit 2>/dev/null)" ]]; then
    stale=yes
  fi
  if [[ -n "$stale" ]]; then
    if ! "$CASEBOOK_ROOT/scripts/build-ui.sh"; then
      summary 1
      exit 1
    fi
  fi
fi

casebook_step "playwright test"
rm -f "$results"
playwright test -c tests/e2e "$@"
rc=$?
summary "$rc"
exit "$rc"
