#!/usr/bin/env bash
# Generates include/capacity_tracker.h from the capacity-ffi sources with a pinned cbindgen.
#
#   ffi/header.sh          regenerate and fail (exit 1, with a diff) if the committed header
#                          differs by any byte — this is what `make test` runs
#   ffi/header.sh --write  regenerate and overwrite the committed header
#
# The pinned cbindgen is built once with `cargo install --locked` into target/tools (ignored
# by git), so a fresh machine needs only crates.io; later runs take well under a second.
set -euo pipefail

CBINDGEN_VERSION=0.29.4
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# A cache outside the checkout, so fresh clones on one machine (CI) build it only once.
tools="${CT_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/capacity-tracker/tools}/cbindgen-$CBINDGEN_VERSION"
cbindgen="$tools/bin/cbindgen"
header="$repo/include/capacity_tracker.h"

if ! [ -x "$cbindgen" ] || [ "$("$cbindgen" --version)" != "cbindgen $CBINDGEN_VERSION" ]; then
    echo "ffi/header.sh: installing cbindgen $CBINDGEN_VERSION into $tools (once per machine)" >&2
    cargo install --locked --quiet --root "$tools" "cbindgen@$CBINDGEN_VERSION" >&2
fi

generated="$(mktemp)"
trap 'rm -f "$generated"' EXIT
# --quiet: cbindgen warns about items it skips; the header itself is the contract we check.
"$cbindgen" --quiet --config "$repo/ffi/cbindgen.toml" --crate capacity-ffi \
    --output "$generated" "$repo/ffi"

if [ "${1:-}" = "--write" ]; then
    cp "$generated" "$header"
    echo "ffi/header.sh: wrote include/capacity_tracker.h"
elif ! cmp -s "$generated" "$header"; then
    echo "ffi/header.sh: include/capacity_tracker.h is out of date with ffi/src (run ffi/header.sh --write and commit):" >&2
    diff -u "$header" "$generated" >&2 || true
    exit 1
else
    echo "ffi/header.sh: include/capacity_tracker.h is up to date"
fi
