#!/usr/bin/env bash
# Builds and tests the Maven reactor (api, plugin, host) with -Xcheck:jni, then fails if the
# JVM printed any JNI warning: -Xcheck:jni only warns, it does not fail a test by itself.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# The host's settings tests run on H2 and, through a throwaway server, on PostgreSQL.
"$repo/scripts/with-postgres.sh" bash -c '${MVN:-mvn -B -ntp} -f "$0/java-bridge/pom.xml" install \
    -Dcapacity.test.postgres.url="$CT_POSTGRES_URL" -Dcapacity.test.postgres.user="$CT_POSTGRES_USER"' "$repo" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" = 0 ] || exit "$status"
if grep -E "WARNING in native method|FATAL ERROR in native method" "$log" \
    $(find "$repo/java-bridge" -path '*/target/surefire-reports/*-output.txt' 2>/dev/null); then
    echo "test-java: the JVM reported JNI warnings under -Xcheck:jni (above)" >&2
    exit 1
fi
