#!/usr/bin/env bash
# The app signature for UPM's signature check: scripts/sign-app.sh signs each plugin jar, the
# signature verifies against the certificate with openssl (as Atlassian's troubleshooting page
# checks it), and a jar with one byte more no longer verifies.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export CT_SIGNING_DIR="$work/keys"
passed=0; failed=0
check() { if "$@"; then passed=$((passed + 1)); else echo "FAILED: $*" >&2; failed=$((failed + 1)); fi; }
verifies() {
    openssl x509 -in "$1.crt" -noout -pubkey > "$work/pub.pem" &&
    base64 -d "$1.sig" > "$work/sig.bin" &&
    openssl pkeyutl -verify -pubin -inkey "$work/pub.pem" -rawin -in "$1" -sigfile "$work/sig.bin" >/dev/null 2>&1
}
refuses() { ! verifies "$1"; }

for jar in "$repo"/java-bridge/plugin/target/capacity-tracker-jira10-*.jar \
           "$repo"/java-bridge/plugin-jira11/target/capacity-tracker-jira11-*.jar; do
    [ -f "$jar" ] || { echo "tests/signing: $jar is missing; run make build" >&2; exit 1; }
    copy="$work/$(basename "$jar")"; cp "$jar" "$copy"
    check "$repo/scripts/sign-app.sh" "$copy"
    check verifies "$copy"
    check grep -q "Ed25519\|ED25519" <(openssl x509 -in "$copy.crt" -noout -text)
    printf 'x' >> "$copy"
    check refuses "$copy"
done
echo "signing: $passed passed, $failed failed"
[ "$failed" = 0 ]
