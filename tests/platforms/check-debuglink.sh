#!/usr/bin/env bash
# Checks that a shipped library and its separate symbol file belong together (issue 9):
#
#   check-debuglink.sh LIBRARY SYMBOLS   fails unless LIBRARY carries no DWARF, its
#                                        .gnu_debuglink names SYMBOLS' file with SYMBOLS'
#                                        CRC-32 (what gdb checks before it uses the file), and
#                                        SYMBOLS carries the line tables
#   check-debuglink.sh --self-test       proves it fails on a symbol file of another build and
#                                        on a library without a link (built here with zig cc)
#
# ELF and PE alike: scripts/build-platforms.sh links both the same way (llvm-objcopy).
set -euo pipefail

# The toolchain's llvm-objcopy (rustup's llvm-tools, as the build uses): Debian's (LLVM 14)
# cannot dump a PE section.
OBJCOPY="${OBJCOPY:-$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/llvm-objcopy}"
OBJDUMP="${OBJDUMP:-llvm-objdump}"

check() {
    local library="$1" symbols="$2" status=0
    scratch="$(mktemp -d)"
    check_in "$library" "$symbols" || status=$?
    rm -rf "$scratch"
    return "$status"
}

check_in() {
    local library="$1" symbols="$2"
    if ! [ -s "$library" ] || ! [ -s "$symbols" ]; then
        echo "check-debuglink: FAIL $library or $symbols is missing" >&2
        return 1
    fi
    if "$OBJDUMP" -h "$library" | grep -q ' \.debug_'; then
        echo "check-debuglink: FAIL $library still carries debug sections" >&2
        return 1
    fi
    if ! "$OBJDUMP" -h "$symbols" | grep -q ' \.debug_line'; then
        echo "check-debuglink: FAIL $symbols has no line tables" >&2
        return 1
    fi
    if ! "$OBJCOPY" --dump-section .gnu_debuglink="$scratch/link" "$library" "$scratch/discard" 2>/dev/null; then
        echo "check-debuglink: FAIL $library has no .gnu_debuglink" >&2
        return 1
    fi
    # The section: the file name, NUL, padding to 4 bytes, the CRC-32 (little-endian) of the file.
    python3 - "$scratch/link" "$symbols" "$library" <<'PY'
import os, struct, sys, zlib
link, symbols, library = sys.argv[1:]
data = open(link, "rb").read()
name = data[:data.index(b"\0")].decode()
offset = (len(name) + 1 + 3) // 4 * 4
(want,) = struct.unpack_from("<I", data, offset)
got = zlib.crc32(open(symbols, "rb").read()) & 0xFFFFFFFF
if name != os.path.basename(symbols):
    sys.exit(f"check-debuglink: FAIL {library} links {name}, not {os.path.basename(symbols)}")
if want != got:
    sys.exit(f"check-debuglink: FAIL {library} wants CRC {want:08x}, {symbols} has {got:08x}: not the same build")
print(f"check-debuglink: ok {os.path.basename(library)} -> {name} (CRC {got:08x})")
PY
}

self_test() {
    local zig status=0
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    zig="${ZIG:-zig}"
    printf 'int answer(void) { return 42; }\n' > "$tmp/a.c"
    printf 'int answer(void) { return 43; }\n' > "$tmp/b.c"
    for v in a b; do
        "$zig" cc -target x86_64-linux-gnu.2.17 -g -shared -fPIC -o "$tmp/$v.full.so" "$tmp/$v.c"
        mkdir -p "$tmp/$v"
        "$OBJCOPY" --only-keep-debug "$tmp/$v.full.so" "$tmp/$v/lib.so.debug"
        "$OBJCOPY" --strip-all --add-gnu-debuglink="$tmp/$v/lib.so.debug" "$tmp/$v.full.so" "$tmp/$v/lib.so"
    done
    check "$tmp/a/lib.so" "$tmp/a/lib.so.debug" >/dev/null || { echo "check-debuglink self-test: a matching pair failed" >&2; status=1; }
    if check "$tmp/a/lib.so" "$tmp/b/lib.so.debug" 2>/dev/null; then
        echo "check-debuglink self-test: another build's symbols passed" >&2; status=1
    fi
    "$OBJCOPY" --strip-debug "$tmp/a.full.so" "$tmp/unlinked.so"
    if check "$tmp/unlinked.so" "$tmp/a/lib.so.debug" 2>/dev/null; then
        echo "check-debuglink self-test: a library without a link passed" >&2; status=1
    fi
    if check "$tmp/a.full.so" "$tmp/a/lib.so.debug" 2>/dev/null; then
        echo "check-debuglink self-test: a library still carrying its DWARF passed" >&2; status=1
    fi
    [ "$status" -eq 0 ] && echo "check-debuglink self-test: ok"
    return "$status"
}

case "${1:-}" in
    --self-test) self_test ;;
    *) [ $# -eq 2 ] || { echo "usage: check-debuglink.sh LIBRARY SYMBOLS | --self-test" >&2; exit 2; }
       check "$1" "$2" ;;
esac
