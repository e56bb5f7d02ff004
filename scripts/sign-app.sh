#!/usr/bin/env bash
# Signs a plugin jar for UPM's app signature check (on by default from UPM 8, i.e. Jira 11):
# an Ed25519 signature over the jar's bytes, Base64-encoded, in <jar>.sig, with the signing
# certificate beside it as <jar>.crt for the admin to put in UPM's truststore folder
# (<shared home>/upmconfig/truststore/ by default). See README, "Install in Jira Data Center".
#
#   scripts/sign-app.sh <jar> [--key <ed25519 key.pem> --cert <certificate.pem>]
#
# Without --key/--cert it uses (and on first use creates) a self-signed key and certificate in
# ${CT_SIGNING_DIR:-~/.cache/capacity-tracker/signing}: fine for your own instances and tests;
# a vendor signs with its own key. The private key never goes into the repository or the jar.
set -euo pipefail

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
jar="$1"; shift
key=""; cert=""
while [ $# -gt 0 ]; do
    case "$1" in
        --key) key="$2"; shift 2 ;;
        --cert) cert="$2"; shift 2 ;;
        *) usage ;;
    esac
done
[ -f "$jar" ] || { echo "sign-app: no jar at $jar" >&2; exit 1; }
command -v openssl >/dev/null || { echo "sign-app: openssl is needed (Debian package openssl)" >&2; exit 1; }

if [ -z "$key" ] && [ -z "$cert" ]; then
    dir="${CT_SIGNING_DIR:-$HOME/.cache/capacity-tracker/signing}"
    key="$dir/app-signing-key.pem"; cert="$dir/app-signing-cert.pem"
    if [ ! -f "$key" ] || [ ! -f "$cert" ]; then
        mkdir -p "$dir"; chmod 700 "$dir"
        openssl genpkey -algorithm ed25519 -out "$key" 2>/dev/null
        chmod 600 "$key"
        openssl req -x509 -new -key "$key" -days 825 -out "$cert" \
            -subj "/O=Capacity Tracker/CN=Capacity Tracker app signing (self-signed)" 2>/dev/null
        echo "sign-app: created a self-signed Ed25519 signing key and certificate in $dir" >&2
    fi
elif [ -z "$key" ] || [ -z "$cert" ]; then
    echo "sign-app: --key and --cert go together" >&2; exit 2
fi

raw="$(mktemp)"; trap 'rm -f "$raw" "$raw.pub"' EXIT
openssl pkeyutl -sign -inkey "$key" -rawin -in "$jar" -out "$raw"
base64 -w0 "$raw" > "$jar.sig"
cp "$cert" "$jar.crt"

# Check it the way Atlassian's app-signing troubleshooting page does.
openssl x509 -in "$cert" -noout -pubkey > "$raw.pub"
base64 -d "$jar.sig" > "$raw"
openssl pkeyutl -verify -pubin -inkey "$raw.pub" -rawin -in "$jar" -sigfile "$raw" >/dev/null
echo "sign-app: $jar.sig (Ed25519, Base64) and $jar.crt; verified against the certificate"
