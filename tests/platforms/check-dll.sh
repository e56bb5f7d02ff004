#!/usr/bin/env bash
# Checks a Windows DLL the way check-symbols.sh and check-exports.sh check the Linux libraries:
#
#   check-dll.sh imports DLL...             fails on any networking import: a DLL of Winsock,
#                                           WinHTTP, WinINet, DNS or RPC, or a socket function
#   check-dll.sh exports DLL PREFIX LIST    fails unless the DLL's exports starting with PREFIX
#                                           are exactly the names in the file LIST
#   check-dll.sh --self-test                proves the import check fails on a DLL using
#                                           Winsock (built here with zig cc, $ZIG or zig)
#
# Reads the PE tables with llvm-objdump -p.
set -euo pipefail

OBJDUMP="${OBJDUMP:-llvm-objdump}"
NETWORK_DLLS='^(ws2_32|wsock32|mswsock|winhttp|wininet|dnsapi|iphlpapi|urlmon|rpcrt4|netapi32|websocket|webio|httpapi|winsta|ncrypt)\.dll$'
NETWORK_FUNCTIONS='^(socket|connect|bind|listen|accept|send|sendto|recv|recvfrom|getaddrinfo|GetAddrInfoW|gethostbyname|WSAStartup|WSASocketW|WSASocketA|WSAConnect|WSASend|WSARecv|InternetOpenW|InternetOpenA|WinHttpOpen|URLDownloadToFileW)$'

# "dll function" per imported function.
imports() {
    "$OBJDUMP" -p "$1" | awk '
        /DLL Name:/ { dll = tolower($3); next }
        dll != "" && /^[[:space:]]+[0-9]+[[:space:]]+[^[:space:]]+$/ { print dll, $2 }
        /^$/ { }'
}

exports() {
    "$OBJDUMP" -p "$1" | awk '
        /^Export Table:/ { on = 1; next }
        on && /^[[:space:]]+[0-9]+[[:space:]]+0x[0-9a-f]+[[:space:]]+[^[:space:]]+$/ { print $3; next }
        on && /^[^[:space:]]/ { on = 0 }'
}

check_imports() {
    local status=0
    for dll in "$@"; do
        local all bad_dlls bad_functions
        all="$(imports "$dll")"
        if [ -z "$all" ]; then
            echo "check-dll: FAIL $dll: no import table read (not a PE DLL?)" >&2
            status=1
            continue
        fi
        bad_dlls="$(awk '{ print $1 }' <<<"$all" | sort -u | grep -E "$NETWORK_DLLS" | tr '\n' ' ' || true)"
        bad_functions="$(awk '{ print $2 }' <<<"$all" | sort -u | grep -E "$NETWORK_FUNCTIONS" | tr '\n' ' ' || true)"
        if [ -n "$bad_dlls$bad_functions" ]; then
            echo "check-dll: FAIL $dll imports networking: $bad_dlls$bad_functions" >&2
            status=1
        else
            echo "check-dll: ok   $(basename "$dll"): no networking imports (from $(awk '{ print $1 }' <<<"$all" | sort -u | tr '\n' ' '))"
        fi
    done
    return $status
}

check_exports() {
    local dll="$1" prefix="$2" list="$3"
    local exported expected
    exported="$(exports "$dll" | grep -E "^$prefix" | sort -u || true)"
    expected="$(sort -u "$list")"
    if [ -z "$expected" ]; then
        echo "check-dll: FAIL the expected list $list is empty" >&2
        return 1
    fi
    if [ "$exported" != "$expected" ]; then
        echo "check-dll: FAIL $dll's $prefix exports differ from $list (< only exported, > only expected):" >&2
        diff <(echo "$exported") <(echo "$expected") >&2 || true
        return 1
    fi
    echo "check-dll: ok   $(basename "$dll") exports the $(wc -l <<<"$exported") ${prefix:+$prefix }functions expected"
}

self_test() {
    dir="$(mktemp -d)"
    trap 'rm -rf "$dir"' EXIT
    cat >"$dir/net.c" <<'C'
#include <winsock2.h>
__declspec(dllexport) int phone_home(void) { return (int) socket(AF_INET, SOCK_STREAM, 0); }
C
    cat >"$dir/quiet.c" <<'C'
#include <string.h>
__declspec(dllexport) size_t measure(const char *s) { return strlen(s); }
C
    "${ZIG:-zig}" cc -target x86_64-windows-gnu -shared -o "$dir/net.dll" "$dir/net.c" -lws2_32
    "${ZIG:-zig}" cc -target x86_64-windows-gnu -shared -o "$dir/quiet.dll" "$dir/quiet.c"
    if check_imports "$dir/net.dll" >/dev/null 2>&1; then
        echo "check-dll: self-test FAILED: a DLL calling socket() passed the import check" >&2
        return 1
    fi
    if ! check_imports "$dir/quiet.dll" >/dev/null 2>&1; then
        echo "check-dll: self-test FAILED: a DLL without networking failed the import check" >&2
        return 1
    fi
    echo measure >"$dir/expected"
    check_exports "$dir/quiet.dll" measure "$dir/expected" >/dev/null
    echo other >"$dir/expected"
    if check_exports "$dir/quiet.dll" '' "$dir/expected" >/dev/null 2>&1; then
        echo "check-dll: self-test FAILED: a DLL passed an export list it does not match" >&2
        return 1
    fi
    echo "check-dll: self-test ok (a Winsock import and a wrong export list fail the checks)"
}

case "${1:-}" in
    --self-test) self_test ;;
    imports) shift; check_imports "$@" ;;
    exports) shift; [ $# -eq 3 ] || { echo "usage: $0 exports DLL PREFIX LIST" >&2; exit 2; }; check_exports "$@" ;;
    *) echo "usage: $0 imports DLL... | exports DLL PREFIX LIST | --self-test" >&2; exit 2 ;;
esac
