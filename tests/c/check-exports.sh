#!/usr/bin/env bash
# Checks that the shared library exports exactly the functions the header declares: a
# function added in Rust but missing from the committed header (or the reverse) fails.
#
#   check-exports.sh <libcapacity_ffi.so> <capacity_tracker.h>
set -euo pipefail

lib="$1"
header="$2"
exported="$(nm -D --defined-only "$lib" | awk '$2 == "T" && $3 ~ /^ct_/ { print $3 }' | sort -u)"
# Preprocessing drops the comments, whose examples also mention ct_ functions.
declared="$("${CC:-gcc}" -E -P -x c "$header" | grep -oE '\bct_[a-z0-9_]+\(' | tr -d '(' | sort -u)"

if [ "$exported" != "$declared" ]; then
    echo "check-exports: $lib and $header disagree (< only exported, > only declared):" >&2
    diff <(echo "$exported") <(echo "$declared") >&2 || true
    exit 1
fi
echo "check-exports: ok   $(echo "$exported" | wc -l) functions exported and declared alike"
