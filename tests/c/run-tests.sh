#!/usr/bin/env bash
# Runs the C test programs built by the Makefile and sums their results.
#
#   run-tests.sh <build directory> <vectors directory>
#
# Every program runs twice: statically linked under AddressSanitizer + UBSan, and linked
# against the shared library under valgrind (memcheck). Each prints a closing line
# "<suite>: N passed, M failed"; this prints the total as "C tests: N passed, M failed"
# and exits non-zero if anything failed, crashed or reported a memory error.
set -uo pipefail

out="$1"
vectors="$2"
passed=0
failed=0

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
VALGRIND=(valgrind --quiet --error-exitcode=99 --leak-check=full
          --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect)

run() {
    local label="$1"
    shift
    local log
    log="$(mktemp)"
    local start=$SECONDS
    "$@" >"$log" 2>&1
    local status=$?
    local summary
    summary="$(grep -E '^[a-z+]+: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)"
    local p=0 f=0
    if [[ "$summary" =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
        p="${BASH_REMATCH[1]}"
        f="${BASH_REMATCH[2]}"
    fi
    # A crash or a sanitizer/valgrind report fails the run even if every check passed.
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
    fi
    if [ "$f" -ne 0 ] || [ "$status" -ne 0 ]; then
        cat "$log"
        echo "FAILED: $label (exit $status)"
    else
        echo "$label: $p passed ($((SECONDS - start)) s)"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    rm -f "$log"
}

if ! command -v valgrind >/dev/null; then
    echo "valgrind is required (Debian package valgrind)" >&2
    exit 1
fi

run "asan test_api" "$out/asan/test_api"
run "asan test_operations" "$out/asan/test_operations"
run "asan test_vectors" "$out/asan/test_vectors" "$vectors"
run "asan test_threads" "$out/asan/test_threads"
run "asan test_bulk" "$out/asan/test_bulk" "$vectors"
run "asan test_header_cpp" "$out/asan/test_header_cpp"
run "valgrind test_api" "${VALGRIND[@]}" "$out/plain/test_api"
run "valgrind test_operations" "${VALGRIND[@]}" "$out/plain/test_operations"
run "valgrind test_vectors" "${VALGRIND[@]}" "$out/plain/test_vectors" "$vectors"
run "valgrind test_threads" "${VALGRIND[@]}" "$out/plain/test_threads"
run "valgrind test_bulk" "${VALGRIND[@]}" "$out/plain/test_bulk" "$vectors"

echo "C tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
