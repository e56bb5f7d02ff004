#!/usr/bin/env bash
# Fails when a Linux library needs a glibc newer than the floor: the highest GLIBC_x.y symbol
# version among its imports is what the dynamic loader demands of the node.
#
#   check-glibc.sh FLOOR LIB.so...    e.g. check-glibc.sh 2.17 libcapacity_jni.so
#   check-glibc.sh --self-test        proves the check fails on a library built here (glibc 2.36)
set -euo pipefail

needed() {
    objdump -T "$1" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/^GLIBC_//' | sort -uV | tail -n 1
}

check() {
    local floor="$1" status=0; shift
    for lib in "$@"; do
        local need
        need="$(needed "$lib")"
        if [ -z "$need" ]; then
            echo "check-glibc: FAIL $lib has no GLIBC symbol versions (not a glibc library?)" >&2
            status=1
        elif [ "$(printf '%s\n%s\n' "$need" "$floor" | sort -V | tail -n 1)" != "$floor" ]; then
            echo "check-glibc: FAIL $lib needs glibc $need, newer than the floor $floor:" >&2
            objdump -T "$lib" | grep -E "GLIBC_$need\b" | awk '{ print "    " $NF }' >&2
            status=1
        else
            echo "check-glibc: ok   $lib needs glibc $need (floor $floor)"
        fi
    done
    return $status
}

self_test() {
    dir="$(mktemp -d)"
    trap 'rm -rf "$dir"' EXIT
    # pthread_create is versioned GLIBC_2.34 by Debian 12's glibc: a native build fails the floor.
    cat >"$dir/new.c" <<'C'
#include <pthread.h>
static void *run(void *arg) { return arg; }
int start(pthread_t *t) { return pthread_create(t, 0, run, 0); }
C
    "${CC:-gcc}" -shared -fPIC -pthread -o "$dir/libnew.so" "$dir/new.c"
    if check 2.17 "$dir/libnew.so" >/dev/null 2>&1; then
        echo "check-glibc: self-test FAILED: a library needing glibc $(needed "$dir/libnew.so") passed a 2.17 floor" >&2
        return 1
    fi
    if ! check "$(needed "$dir/libnew.so")" "$dir/libnew.so" >/dev/null 2>&1; then
        echo "check-glibc: self-test FAILED: a library failed a floor equal to its own need" >&2
        return 1
    fi
    echo "check-glibc: self-test ok (a library needing glibc $(needed "$dir/libnew.so") fails the 2.17 floor)"
}

if [ "${1:-}" = "--self-test" ]; then
    self_test
elif [ $# -lt 2 ]; then
    echo "usage: $0 FLOOR LIB.so... | --self-test" >&2
    exit 2
else
    check "$@"
fi
