#!/usr/bin/env bash
# Runs the C conformance tests (tests/c's programs) against the aarch64 C library of the jar's
# build (the dist profile, glibc 2.17 floor) under qemu-aarch64 user-mode emulation, with
# Debian's aarch64 glibc (libc6-arm64-cross) as the sysroot. The programs are compiled by zig
# for aarch64-linux-gnu.2.17, so they too run on the oldest glibc the library promises.
#
#   run-aarch64.sh      prints "aarch64 C tests: N passed, M failed"; exits non-zero on any failure
#
# Needs: scripts/build-platforms.sh run first, qemu-user, libc6-arm64-cross.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lib="$repo/target/aarch64-unknown-linux-gnu/dist"
out="$repo/target/platform-tests/aarch64"
sysroot=/usr/aarch64-linux-gnu
PATH="$("$repo/scripts/install-cross-tools.sh"):$PATH"

for need in "$lib/libcapacity_ffi.so" "$sysroot/lib/ld-linux-aarch64.so.1"; do
    [ -e "$need" ] || { echo "run-aarch64: $need is missing (scripts/build-platforms.sh; Debian libc6-arm64-cross)" >&2; exit 1; }
done
command -v qemu-aarch64 >/dev/null || { echo "run-aarch64: qemu-aarch64 is missing (Debian qemu-user)" >&2; exit 1; }

version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -n 1)"
mkdir -p "$out"
cd "$repo/tests/c"
for program in test_api test_operations test_vectors test_threads test_bulk; do
    if ! [ "$out/$program" -nt "$program.c" ] || ! [ "$out/$program" -nt "$lib/libcapacity_ffi.so" ] \
        || ! [ "$out/$program" -nt "$repo/include/capacity_tracker.h" ] || ! [ "$out/$program" -nt support.c ] \
        || ! [ "$out/$program" -nt vectors.c ]; then
        python-zig cc -target aarch64-linux-gnu.2.17 -std=c11 -Wall -Wextra -Wpedantic -Werror -O1 -pthread \
            -I"$repo/include" -DEXPECTED_VERSION="\"$version\"" -o "$out/$program" \
            "$program.c" support.c vectors.c -L"$lib" -lcapacity_ffi -lm || exit 1
    fi
done

passed=0
failed=0
for program in test_api test_operations test_vectors test_threads test_bulk; do
    args=()
    case "$program" in test_vectors|test_bulk) args=("$repo/tests/vectors") ;; esac
    log="$(mktemp)"
    start=$SECONDS
    qemu-aarch64 -L "$sysroot" -E LD_LIBRARY_PATH="$lib" "$out/$program" "${args[@]}" >"$log" 2>&1
    status=$?
    summary="$(grep -E '^[a-z+]+: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)"
    p=0; f=0
    if [[ "$summary" =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then p="${BASH_REMATCH[1]}"; f="${BASH_REMATCH[2]}"; fi
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; fi # a program that checked nothing did not run
    if [ "$f" -ne 0 ]; then
        cat "$log"
        echo "FAILED: qemu-aarch64 $program (exit $status)"
    else
        echo "qemu-aarch64 $program: $p passed ($((SECONDS - start)) s)"
    fi
    passed=$((passed + p)); failed=$((failed + f))
    rm -f "$log"
done
echo "aarch64 C tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
