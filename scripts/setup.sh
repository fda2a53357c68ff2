#!/usr/bin/env bash
# Installs what building and testing Casebook needs, skipping whatever is already there:
# the wasm32 target and std's source (build-ui.sh rebuilds std for size), Debian's Chromium +
# chromedriver + zopfli, trunk, wasm-bindgen-cli (the version in Cargo.lock) and the npm tools
# (binaryen's wasm-opt, playwright-core).
# Safe to run repeatedly; a warm run takes about a second.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CASEBOOK_ROOT"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  casebook_step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed | grep -qx rust-src; then
  casebook_step "rustup component add rust-src"
  rustup component add rust-src
fi

# Browsers cannot be downloaded here (`npx playwright install` fails): use Debian's. zopfli
# writes the build's `.gz` copies (gzip-compatible, ~5 % smaller than gzip -9).
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver || ! -x /usr/bin/zopfli ]]; then
  casebook_step "apt-get install chromium chromium-driver zopfli"
  sudo=()
  if [[ "$(id -u)" != 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver zopfli
fi

if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $CASEBOOK_TRUNK_VERSION" ]]; then
  casebook_step "cargo install trunk $CASEBOOK_TRUNK_VERSION (about 7 minutes)"
  cargo install trunk --version "$CASEBOOK_TRUNK_VERSION" --locked
fi

if [[ ! -f Cargo.lock ]]; then
  echo "Cargo.lock is missing: run 'cargo generate-lockfile' and commit it" >&2
  exit 1
fi
wasm_bindgen_version="$(casebook_wasm_bindgen_version)"
if [[ -z "$wasm_bindgen_version" ]]; then
  echo "wasm-bindgen not found in Cargo.lock" >&2
  exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wasm_bindgen_version" ]]; then
  casebook_step "cargo install wasm-bindgen-cli $wasm_bindgen_version (about 2 minutes)"
  # Not --locked: its lockfile wants a crate version the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

# The splitter for the SPA's lazy routes (scripts/split-wasm.mjs, a Trunk hook).
if ! cargo install --list | grep -qx "wasm_split_cli_support v$CASEBOOK_WASM_SPLIT_VERSION:"; then
  casebook_step "cargo install wasm_split_cli_support $CASEBOOK_WASM_SPLIT_VERSION (about 1.5 minutes)"
  cargo install wasm_split_cli_support --version "$CASEBOOK_WASM_SPLIT_VERSION" --locked \
    --features build-binary
fi

# npm writes node_modules/.package-lock.json on every install: a lockfile newer than it means
# the tools changed since the last `npm ci`.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  casebook_step "npm ci"
  npm ci --no-audit --no-fund
  touch node_modules/.package-lock.json
fi
