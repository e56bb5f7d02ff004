#!/usr/bin/env bash
# Builds the native libraries the plugin jar ships, for every platform Jira Data Center runs
# on, and stages them under target/jar-native/native/<platform>/ where the api module's Maven
# build copies them into the jar:
#
#   linux-x86_64    libcapacity_jni.so   glibc 2.17 floor (RHEL/Rocky 8, Amazon Linux 2, ...)
#   linux-aarch64   libcapacity_jni.so   glibc 2.17 floor (AWS Graviton)
#   windows-x86_64  capacity_jni.dll     x86_64-pc-windows-gnu, linked by zig (UCRT)
#
# Each beside a library.properties the loader and the health line read (platform, glibc floor).
# The C library (capacity_ffi) is built alongside for the artifact tests (tests/platforms).
# Built in the `dist` profile (release with line tables); the staged libraries are stripped of
# debug info, which goes to separate symbol files under target/dist-symbols/<platform>/
# (<library>.debug, named by the library's .gnu_debuglink with its CRC, which gdb and lldb
# follow; the DLL's is DWARF too, which WinDbg does not read). cargo reuses what is fresh, so
# a second `make build` costs seconds.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

GLIBC_FLOOR=2.17
PATH="$("$repo/scripts/install-cross-tools.sh"):$PATH"
export PATH

# -j2: the machines this builds on have two cores.
nice cargo zigbuild --locked --profile dist --workspace -j2 \
    --target "x86_64-unknown-linux-gnu.$GLIBC_FLOOR" \
    --target "aarch64-unknown-linux-gnu.$GLIBC_FLOOR"
# Windows: each DLL exports only what its crate's build.rs lists (see there). The C library is
# built as a cdylib alone: built together with its staticlib and rlib, zig's linker keeps
# std's socket code in the DLL (and its ws2_32.dll import) even with the export list.
nice cargo zigbuild --locked --profile dist -p capacity-jni -j2 --target x86_64-pc-windows-gnu
nice cargo-zigbuild rustc --locked --profile dist -p capacity-ffi --lib --crate-type cdylib -j2 \
    --target x86_64-pc-windows-gnu

stage="$repo/target/jar-native/native"
symbols="$repo/target/dist-symbols"
objcopy="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/llvm-objcopy"
split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT
stage_one() {
    local platform="$1" file="$2" glibc="$3"
    local dir="$stage/$platform" name
    name="$(basename "$file")"
    mkdir -p "$dir" "$symbols/$platform"
    # The debug info and the symbol table to the symbol file; the library without them (the
    # dynamic symbols and exports stay), linked to that file by name and CRC-32
    # (.gnu_debuglink: ELF and PE alike).
    "$objcopy" --only-keep-debug "$file" "$split/$name.debug"
    cmp -s "$split/$name.debug" "$symbols/$platform/$name.debug" || cp "$split/$name.debug" "$symbols/$platform/"
    "$objcopy" --strip-all --add-gnu-debuglink="$symbols/$platform/$name.debug" "$file" "$split/$name"
    # cp only when changed, so Maven's copy and the jar stay untouched by a no-op build.
    cmp -s "$split/$name" "$dir/$name" || cp "$split/$name" "$dir/"
    local props="platform=$platform"$'\n'"library=$(basename "$file")"$'\n'
    [ -z "$glibc" ] || props+="glibc.floor=$glibc"$'\n'
    [ "$(cat "$dir/library.properties" 2>/dev/null)"$'\n' = "$props" ] || printf '%s' "$props" > "$dir/library.properties"
}
stage_one linux-x86_64 target/x86_64-unknown-linux-gnu/dist/libcapacity_jni.so "$GLIBC_FLOOR"
stage_one linux-aarch64 target/aarch64-unknown-linux-gnu/dist/libcapacity_jni.so "$GLIBC_FLOOR"
stage_one windows-x86_64 target/x86_64-pc-windows-gnu/dist/capacity_jni.dll ""
