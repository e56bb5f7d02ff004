#!/usr/bin/env bash
# Installs what the jar's cross-built native libraries need, and prints the directory to put
# on PATH: the Rust targets and llvm-tools (rustup), and zig + cargo-zigbuild from PyPI, pinned,
# in a virtualenv under ~/.cache (zig links against glibc 2.17's symbol versions, which the build machine's own
# linker cannot). Does nothing but print when all is there. Called by scripts/build-platforms.sh
# (so `make build` on a fresh clone sets itself up) and by scripts/install-test-deps.sh.
set -euo pipefail

ZIGLANG_VERSION=0.17.0
CARGO_ZIGBUILD_VERSION=0.24.0
TARGETS=(x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-pc-windows-gnu)

venv="${XDG_CACHE_HOME:-$HOME/.cache}/capacity-tracker/cross-zig-$ZIGLANG_VERSION-zigbuild-$CARGO_ZIGBUILD_VERSION"

installed="$(rustup target list --installed)"
for target in "${TARGETS[@]}"; do
    if ! grep -qx "$target" <<<"$installed"; then
        echo "install-cross-tools: rustup target add $target" >&2
        rustup target add "$target" >&2
    fi
done
# llvm-objcopy of the toolchain (rustlib/<host>/bin): splits the shipped libraries' debug info
# into symbol files, for ELF and PE alike (zig's objcopy cannot: "unimplemented").
if ! rustup component list --installed | grep -q '^llvm-tools'; then
    echo "install-cross-tools: rustup component add llvm-tools" >&2
    rustup component add llvm-tools >&2
fi

if ! [ -x "$venv/bin/cargo-zigbuild" ] || ! [ -x "$venv/bin/python-zig" ]; then
    echo "install-cross-tools: ziglang $ZIGLANG_VERSION and cargo-zigbuild $CARGO_ZIGBUILD_VERSION from PyPI into $venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        "ziglang==$ZIGLANG_VERSION" "cargo-zigbuild==$CARGO_ZIGBUILD_VERSION" >&2
fi
echo "$venv/bin"
