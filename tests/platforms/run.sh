#!/usr/bin/env bash
# Tests the native libraries the plugin jars ship, as shipped (issue 9):
#   1. both plugin jars (Jira 10 and 11) carry linux-x86_64, linux-aarch64 and windows-x86_64;
#   2. every Linux library in them needs glibc <= 2.17 and imports no networking function;
#   3. both Windows DLLs (the jar's JNI one and the C-ABI one) import no networking DLL or
#      function and export nothing but their interface: the jar's exactly the Java_ functions
#      of the Linux libraries, the C-ABI one exactly the header's ct_ functions;
#   4. the C conformance tests pass against the aarch64 library under qemu-aarch64, and against
#      the Windows C-ABI DLL under Wine;
#   5. the loader refuses a noexec extraction directory by name and loads from an exec one;
#   6. every library in the jars carries no DWARF and links, by name and CRC-32, the symbol file
#      the same build left in target/dist-symbols/<platform>/.
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
step "symbol-file check self-test" "$here/check-debuglink.sh" --self-test

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
        step "$name: native/$entry matches its symbol file" \
            "$here/check-debuglink.sh" "$dir/native/$entry" "$repo/target/dist-symbols/$entry.debug"
    done
    step "$name carries no symbol file" bash -c "! unzip -Z1 '$jar' | grep -E '\.(debug|pdb)\$'"
    linux=("$dir"/native/linux-*/libcapacity_jni.so)
    step "$name: Linux libraries need glibc <= $GLIBC_FLOOR" "$here/check-glibc.sh" "$GLIBC_FLOOR" "${linux[@]}"
    step "$name: Linux libraries import no networking" "$repo/tests/c/check-symbols.sh" "${linux[@]}"
    dll="$dir/native/windows-x86_64/capacity_jni.dll"
    step "$name: the DLL imports no networking" "$here/check-dll.sh" imports "$dll"
    java_exports "$dir/native/linux-x86_64/libcapacity_jni.so" > "$work/$name-java-exports"
    step "$name: linux-aarch64 exports the JNI functions of linux-x86_64" \
        diff <(java_exports "$dir/native/linux-aarch64/libcapacity_jni.so") "$work/$name-java-exports"
    # The empty prefix: every export, so an internal Rust symbol exported fails too.
    step "$name: the DLL exports exactly the JNI functions of linux-x86_64" \
        "$here/check-dll.sh" exports "$dll" '' "$work/$name-java-exports"
done

# The C ABI on Windows: the DLL a C host would link, built beside the jar's.
ffi_dll="$repo/target/x86_64-pc-windows-gnu/dist/capacity_ffi.dll"
"${CC:-gcc}" -E -P -x c "$repo/include/capacity_tracker.h" | grep -oE '\bct_[a-z0-9_]+\(' | tr -d '(' | sort -u > "$work/header-functions"
step "capacity_ffi.dll exports exactly the header's functions" "$here/check-dll.sh" exports "$ffi_dll" '' "$work/header-functions"
step "capacity_ffi.dll imports no networking" "$here/check-dll.sh" imports "$ffi_dll"
step "Linux C libraries need glibc <= $GLIBC_FLOOR" "$here/check-glibc.sh" "$GLIBC_FLOOR" \
    "$repo"/target/{x86_64,aarch64}-unknown-linux-gnu/dist/libcapacity_ffi.so

step "C conformance tests on aarch64 (qemu)" "$here/run-aarch64.sh"
step "C conformance tests on Windows (Wine)" "$here/run-windows.sh"
step "the loader on a noexec and an exec mount" "$here/run-noexec.sh"

echo "platforms: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
