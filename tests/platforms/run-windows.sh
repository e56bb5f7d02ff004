#!/usr/bin/env bash
# Runs the C conformance tests (tests/c's programs) against the Windows C library of the jar's
# build (capacity_ffi.dll, x86_64-pc-windows-gnu, the dist profile) under Wine. The programs
# are compiled by zig for x86_64-windows-gnu and linked against the DLL's import library.
#
#   run-windows.sh      prints "windows C tests: N passed, M failed"; exits non-zero on any failure
#
# Wine 8 (Debian 12) lacks bcryptprimitives.dll, which every Rust DLL imports (ProcessPrng):
# wine-processprng.c stands in for it beside the programs. The Wine prefix lives under
# target/platform-tests/windows and is made once. Needs: scripts/build-platforms.sh run
# first, Debian wine64.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$repo/tests/platforms"
lib="$repo/target/x86_64-pc-windows-gnu/dist"
out="$repo/target/platform-tests/windows"
PATH="$("$repo/scripts/install-cross-tools.sh"):$PATH"
wine="$(command -v wine64 || echo /usr/lib/wine/wine64)"
export WINEPREFIX="$out/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

for need in "$lib/capacity_ffi.dll" "$lib/libcapacity_ffi.dll.a"; do
    [ -e "$need" ] || { echo "run-windows: $need is missing (scripts/build-platforms.sh)" >&2; exit 1; }
done
[ -x "$wine" ] || { echo "run-windows: wine64 is missing (Debian wine64)" >&2; exit 1; }

version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -n 1)"
mkdir -p "$out"
cd "$repo/tests/c"
for program in test_api test_operations test_vectors test_threads test_bulk; do
    if ! [ "$out/$program.exe" -nt "$program.c" ] || ! [ "$out/$program.exe" -nt "$lib/capacity_ffi.dll" ] \
        || ! [ "$out/$program.exe" -nt "$repo/include/capacity_tracker.h" ] || ! [ "$out/$program.exe" -nt support.c ] \
        || ! [ "$out/$program.exe" -nt vectors.c ]; then
        python-zig cc -target x86_64-windows-gnu -std=c11 -Wall -Wextra -Wpedantic -Werror -O1 -pthread \
            -I"$repo/include" -DEXPECTED_VERSION="\"$version\"" -o "$out/$program.exe" \
            "$program.c" support.c vectors.c -L"$lib" -lcapacity_ffi -lm || exit 1
    fi
done
if ! [ "$out/bcryptprimitives.dll" -nt "$here/wine-processprng.c" ]; then
    python-zig cc -target x86_64-windows-gnu -shared -O1 -o "$out/bcryptprimitives.dll" \
        "$here/wine-processprng.c" -ladvapi32 || exit 1
fi
# The DLL under test beside the programs, where Windows looks first.
cp "$lib/capacity_ffi.dll" "$out/"
if ! [ -f "$WINEPREFIX/system.reg" ]; then
    "$wine" wineboot --init >/dev/null 2>&1
fi

passed=0
failed=0
for program in test_api test_operations test_vectors test_threads test_bulk; do
    args=()
    case "$program" in test_vectors|test_bulk) args=("Z:$repo/tests/vectors") ;; esac
    log="$(mktemp)"
    start=$SECONDS
    (cd "$out" && timeout 300 "$wine" "./$program.exe" "${args[@]}") >"$log" 2>&1
    status=$?
    summary="$(tr -d '\r' <"$log" | grep -E '^[a-z+]+: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)"
    p=0; f=0
    if [[ "$summary" =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then p="${BASH_REMATCH[1]}"; f="${BASH_REMATCH[2]}"; fi
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; fi # a program that checked nothing did not run
    if [ "$f" -ne 0 ]; then
        cat "$log"
        echo "FAILED: wine $program (exit $status)"
    else
        echo "wine $program: $p passed ($((SECONDS - start)) s)"
    fi
    passed=$((passed + p)); failed=$((failed + f))
    rm -f "$log"
done
echo "windows C tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
