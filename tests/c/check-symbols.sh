#!/usr/bin/env bash
# Checks the promise "nothing leaves the instance" on the native libraries' imports:
# fails if a library imports any networking function (sockets, DNS, send/recv), and reports
# (without failing) imports that open files, so a new one is noticed and explained.
#
#   check-symbols.sh LIB.so...     check the given libraries
#   check-symbols.sh --self-test   prove the check fails on a library that uses sockets
#                                  (and passes on one that does not)
#
# Needs nm (binutils); the self-test needs a C compiler ($CC, default gcc).
set -euo pipefail

# Networking entry points of libc (and the usual wrappers); a library that names none of
# them can only reach the network through raw syscall(2), which std uses for futex and
# getrandom only.
NETWORK='^(socket|socketpair|connect|bind|listen|accept|accept4|shutdown|send|sendto|sendmsg|sendmmsg|recv|recvfrom|recvmsg|recvmmsg|setsockopt|getsockopt|getpeername|getsockname|getaddrinfo|getaddrinfo_a|freeaddrinfo|getnameinfo|gethostbyname|gethostbyname2|gethostbyname_r|gethostbyname2_r|gethostbyaddr|gethostbyaddr_r|gethostent|getservbyname|getservbyname_r|getservbyport|getprotobyname|res_init|res_query|res_search|res_nquery|res_nsearch|__res_init|__res_query|__res_search|curl_.*|SSL_connect|BIO_new_connect)$'
# Functions that open or create files; reported for review.
FILES='^(open|open64|openat|openat64|creat|creat64|fopen|fopen64|freopen|freopen64|mkstemp|mkstemp64|mkostemp|tmpfile|tmpfile64|rename|renameat|unlink|unlinkat|mkdir|truncate|ftruncate)$'

imports() {
    nm -D --undefined-only "$1" | awk '{ print $NF }' | sed 's/@.*//' | sort -u
}

check() {
    local status=0
    for lib in "$@"; do
        if [ ! -f "$lib" ]; then
            echo "check-symbols: $lib does not exist (build it with cargo build --release)" >&2
            status=1
            continue
        fi
        local network files
        network="$(imports "$lib" | grep -E "$NETWORK" | tr '\n' ' ' || true)"
        files="$(imports "$lib" | grep -E "$FILES" | tr '\n' ' ' || true)"
        if [ -n "$network" ]; then
            echo "check-symbols: FAIL $lib imports networking functions: $network" >&2
            status=1
        else
            echo "check-symbols: ok   $(basename "$lib"): no networking imports"
        fi
        if [ -n "$files" ]; then
            echo "check-symbols: note $(basename "$lib") imports file-opening functions: $files(review: expected only std's read-only uses)"
        fi
    done
    return $status
}

self_test() {
    dir="$(mktemp -d)"
    trap 'rm -rf "$dir"' EXIT
    cat >"$dir/net.c" <<'C'
#include <sys/socket.h>
int phone_home(void) { return socket(AF_INET, SOCK_STREAM, 0); }
C
    cat >"$dir/quiet.c" <<'C'
#include <string.h>
size_t measure(const char *s) { return strlen(s); }
C
    "${CC:-gcc}" -shared -fPIC -o "$dir/libnet.so" "$dir/net.c"
    "${CC:-gcc}" -shared -fPIC -o "$dir/libquiet.so" "$dir/quiet.c"
    if check "$dir/libnet.so" >/dev/null 2>&1; then
        echo "check-symbols: self-test FAILED: a library calling socket() passed the check" >&2
        return 1
    fi
    if ! check "$dir/libquiet.so" >/dev/null 2>&1; then
        echo "check-symbols: self-test FAILED: a library without networking failed the check" >&2
        return 1
    fi
    echo "check-symbols: self-test ok (a socket() import fails the check)"
}

if [ "${1:-}" = "--self-test" ]; then
    self_test
elif [ $# -eq 0 ]; then
    echo "usage: $0 LIB.so... | --self-test" >&2
    exit 2
else
    check "$@"
fi
