#!/usr/bin/env bash
# Installs what the test suite needs and a fresh machine lacks; does nothing when all is
# there. Only package registries are used: Debian for chromium, npm for playwright-core
# (which never downloads a browser: the tests drive /usr/bin/chromium).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages: the browser for the panel tests, valgrind for the C tests.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v valgrind >/dev/null || missing+=(valgrind)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# openssl signs and verifies the app signature UPM checks (tests/signing).
command -v openssl >/dev/null || missing+=(openssl)
# python3 -m venv makes the client tests' virtualenv (tests/client); Debian splits it out.
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
# qemu-user and Debian's aarch64 glibc run the C tests against the aarch64 library (tests/platforms).
command -v qemu-aarch64 >/dev/null || missing+=(qemu-user)
[ -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ] || missing+=(libc6-arm64-cross)
# llvm-objdump reads the Windows DLLs' import and export tables (tests/platforms).
command -v llvm-objdump >/dev/null || missing+=(llvm)
# Wine runs the C tests against the Windows DLL (tests/platforms): wine64 alone (104 MB, 17 s
# here), without the 32-bit Wine and desktop parts it recommends.
bare=()
[ -x /usr/lib/wine/wine64 ] || bare+=(wine64)
if [ ${#missing[@]} -gt 0 ] || [ ${#bare[@]} -gt 0 ]; then
    echo "install-test-deps: installing ${missing[*]} ${bare[*]} from Debian"
    as_root apt-get update -qq
    [ ${#missing[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    [ ${#bare[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${bare[@]}" >/dev/null
fi

# The Jira 11 plugin jar and host need a JDK 21 or newer beside the default Java 17. Debian 12
# has none; the machines this project runs on carry one (Temurin), which find-jdk.sh finds.
if ! "$repo/scripts/find-jdk.sh" 21 >/dev/null 2>&1; then
    echo "install-test-deps: no JDK 21 or newer found (scripts/find-jdk.sh 21); the Jira 11 build and tests need one" >&2
    exit 1
fi

# The cross-build tools of the jar's libraries (Rust targets; zig and cargo-zigbuild from PyPI).
"$repo/scripts/install-cross-tools.sh" >/dev/null

# The client tests' virtualenv: pip installs tests/client/requirements.txt from PyPI.
if ! [ -x "$repo/tests/client/.venv/bin/python" ]; then
    echo "install-test-deps: creating tests/client/.venv"
    python3 -m venv "$repo/tests/client/.venv"
    "$repo/tests/client/.venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
        -r "$repo/tests/client/requirements.txt"
    sha256sum "$repo/tests/client/requirements.txt" | cut -d' ' -f1 > "$repo/tests/client/.venv/.requirements.sha256"
fi

if ! [ -d "$repo/tests/e2e/node_modules/playwright-core" ]; then
    echo "install-test-deps: npm ci in tests/e2e"
    (cd "$repo/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
