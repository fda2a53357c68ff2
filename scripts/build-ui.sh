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
# The same for std's own dependencies, which -Zbuild-std (below) compiles: on a fresh machine
# they are not in cargo's cache, and the offline build would not find them.
casebook_step "cargo fetch --locked (std's sources)"
RUSTC_BOOTSTRAP=1 cargo fetch --locked \
  --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

# The release wasm links a std rebuilt with opt-level "z" whose panics abort on the spot: no
# panic messages, formatting or unwinding tables are linked in (main wasm ~7 % smaller,
# docs/spa-performance.md). `-Zbuild-std` and `-Cpanic=immediate-abort` are unstable and this
# machine has one stable toolchain, so RUSTC_BOOTSTRAP opts this one build into them; the
# rustflags join the target's ones in .cargo/config.toml. Debug builds (`trunk serve`) keep
# std's panic messages. `-Zfmt-debug=none` makes every `Debug` impl print nothing and
# `-Zlocation-detail=none` drops the file/line records of `#[track_caller]`: the app never
# shows either (no `{:?}` outside tests), and the first load is ~4 KB gzip smaller.
casebook_step "trunk build --release"
RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none" \
  trunk build --release "$@"

casebook_step "precompress dist (brotli + gzip)"
node "$CASEBOOK_ROOT/scripts/compress-dist.mjs" "$CASEBOOK_ROOT/dist"
