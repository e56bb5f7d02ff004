#!/usr/bin/env bash
# Tests the native libraries the plugin jars ship, as shipped (issue 9):
#   1. both plugin jars (Jira 10 and 11) carry linux-x86_64, linux-aarch64 and windows-x86_64;
#   2. every Linux library in them needs glibc <= 2.17 and imports no networking function;
#   3. the jar's Windows DLL imports no networking DLL or function and exports the same Java_
#      functions as the Linux libraries; the C-ABI DLL exports exactly the header's ct_;
#   4. the C conformance tests pass against the aarch64 library under qemu-aarch64;
#   5. the loader refuses a noexec extraction directory by name and loads from an exec one.
# Each check proves first that it can fail (--self-test). The last line is
# "platforms: N passed, M failed". Run after `make build` (scripts/test-all.sh does).
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$repo/tests/platforms"
PATH="$("$repo/scripts/install-cross-tools.sh"):$PATH"
export ZIG=python-zig
GLIBC_FLOOR=2.17
PLATFORMS=(linux-x86_64/libcapacity_jni.so linux-aarch64/libcapacity_jni.so windows-x86_64/capacity_jni.dll)
JARS=("$repo/java-bridge/plugin/target/capacity-tracker-jira10-0.1.0.jar"
      "$repo/java-bridge/plugin-jira11/target/capacity-tracker-jira11-0.1.0.jar")

passed=0
failed=0
step() {
    local label="$1"; shift
    if "$@"; then
        passed=$((passed + 1))
    else
        echo "FAILED: $label" >&2
        failed=$((failed + 1))
    fi
}

step "glibc check self-test" "$here/check-glibc.sh" --self-test
step "symbol check self-test" "$repo/tests/c/check-symbols.sh" --self-test
step "DLL check self-test" "$here/check-dll.sh" --self-test

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java_exports() { nm -D --defined-only "$1" | awk '$3 ~ /^Java_/ { print $3 }' | sort -u; }

for jar in "${JARS[@]}"; do
    name="$(basename "$jar" .jar)"
    if ! [ -f "$jar" ]; then
        step "$name exists" false
        continue
    fi
    dir="$work/$name"
    mkdir -p "$dir"
    (cd "$dir" && unzip -q -o "$jar" 'native/*')
    for entry in "${PLATFORMS[@]}"; do
        step "$name carries native/$entry" test -s "$dir/native/$entry"
    done
    linux=("$dir"/native/linux-*/libcapacity_jni.so)
    step "$name: Linux libraries need glibc <= $GLIBC_FLOOR" "$here/check-glibc.sh" "$GLIBC_FLOOR" "${linux[@]}"
    step "$name: Linux libraries import no networking" "$repo/tests/c/check-symbols.sh" "${linux[@]}"
    dll="$dir/native/windows-x86_64/capacity_jni.dll"
    step "$name: the DLL imports no networking" "$here/check-dll.sh" imports "$dll"
    java_exports "$dir/native/linux-x86_64/libcapacity_jni.so" > "$work/$name-java-exports"
    step "$name: linux-aarch64 exports the JNI functions of linux-x86_64" \
        diff <(java_exports "$dir/native/linux-aarch64/libcapacity_jni.so") "$work/$name-java-exports"
    step "$name: the DLL exports the JNI functions of linux-x86_64" \
        "$here/check-dll.sh" exports "$dll" Java_ "$work/$name-java-exports"
done

# The C ABI on Windows: the DLL a C host would link, built beside the jar's.
ffi_dll="$repo/target/x86_64-pc-windows-gnu/dist/capacity_ffi.dll"
"${CC:-gcc}" -E -P -x c "$repo/include/capacity_tracker.h" | grep -oE '\bct_[a-z0-9_]+\(' | tr -d '(' | sort -u > "$work/header-functions"
step "capacity_ffi.dll exports the header's functions" "$here/check-dll.sh" exports "$ffi_dll" ct_ "$work/header-functions"
# Known and not yet fixed: zig's linker ignores the export list rustc passes (list.def), so
# both DLLs export every Rust symbol; in the C-ABI DLL that keeps std's unused socket code, and
# it imports ws2_32. The jar's JNI DLL does not (checked above, failing the layer if it ever
# does). Reported here, not failed, until the export list is honoured.
if ! "$here/check-dll.sh" imports "$ffi_dll" >/dev/null 2>&1; then
    echo "platforms: KNOWN ISSUE capacity_ffi.dll (not in the jar) imports networking:" \
        "$("$here/check-dll.sh" imports "$ffi_dll" 2>&1 | sed 's/.*imports networking: //')"
fi
step "Linux C libraries need glibc <= $GLIBC_FLOOR" "$here/check-glibc.sh" "$GLIBC_FLOOR" \
    "$repo"/target/{x86_64,aarch64}-unknown-linux-gnu/dist/libcapacity_ffi.so

step "C conformance tests on aarch64 (qemu)" "$here/run-aarch64.sh"
step "the loader on a noexec and an exec mount" "$here/run-noexec.sh"

echo "platforms: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
