#!/usr/bin/env bash
# The loader on a hardened node: in a mount namespace of its own (unshare, as root), mounts a
# noexec tmpfs and an exec one, and runs NoexecCheck against the api jar with
# -Dcapacity.native.dir pointing at each: noexec must fail naming the directory and the
# property, exec must load and leave nothing behind.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$repo/java-bridge/api/target/capacity-api-0.1.0.jar"
[ -f "$jar" ] || { echo "run-noexec: $jar is missing (make build)" >&2; exit 1; }
JAVA="${JAVA:-java}"
exec unshare -m bash -euo pipefail -c '
    base="$(mktemp -d)"
    mkdir "$base/noexec" "$base/exec"
    mount -t tmpfs -o noexec,size=64m tmpfs "$base/noexec"
    mount -t tmpfs -o size=64m tmpfs "$base/exec"
    status=0
    "$1" -cp "$2" "$3" noexec "$base/noexec" || status=1
    "$1" -cp "$2" "$3" exec "$base/exec" || status=1
    umount "$base/noexec" "$base/exec"
    rm -rf "$base"
    exit $status' run-noexec "$JAVA" "$jar" "$repo/tests/platforms/NoexecCheck.java"
