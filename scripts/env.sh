# Sourced by the other scripts: the repo root, a shared cargo target dir and tool paths.
# shellcheck shell=bash

CASEBOOK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CASEBOOK_ROOT

# Outside the clone so a fresh checkout (or CI workspace) reuses earlier builds; prune it when it
# grows past a few GB. Checkouts sharing it also share the workspace crates' outputs, and cargo
# judges them fresh by mtime: never build two checkouts at once, and `touch` your edited files
# after another checkout (e.g. a CI clone) built, or you get its binaries.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/casebook/target}"

# wasm-opt (npm binaryen) and playwright from node_modules; cargo-installed trunk/wasm-bindgen.
export PATH="$CASEBOOK_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Trunk 0.22 needs rustc >= 1.96.1.
CASEBOOK_TRUNK_VERSION="0.21.14"

# wasm-split-cli, which splits the SPA at its lazy routes (it reads what wasm_split_helpers,
# from Leptos, writes into the module).
CASEBOOK_WASM_SPLIT_VERSION="0.2.4"

# The wasm-bindgen version in Cargo.lock; the CLI must equal it exactly.
casebook_wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' \
    "$CASEBOOK_ROOT/Cargo.lock"
}

# Prints a step header, so CI logs show where time goes.
casebook_step() {
  printf '\n==> %s\n' "$*"
}
