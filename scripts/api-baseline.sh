#!/usr/bin/env bash
# Builds the Java API's baseline jar for the compatibility check (japicmp, in
# java-bridge/api/pom.xml): the API's classes as committed at a git ref — HEAD unless
# -Dapi.baseline.ref names another (a release tag, once there is a release).
# Usage: scripts/api-baseline.sh <git ref> <output directory>
# Writes <output directory>/capacity-api-<version at that ref>.jar and prints its path (the
# only line on stdout): japicmp reads the baseline's version from the file name when it
# checks semantic versioning. Only the public classes' signatures matter to the check, so
# the committed sources are compiled alone, without the native library or tests.
set -euo pipefail
ref="$1" dir="$2"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sources=java-bridge/api/src/main/java
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! git -C "$repo" cat-file -e "$ref:$sources" 2>/dev/null; then
    echo "api-baseline: $ref has no $sources to compare the API with" >&2
    exit 1
fi
# The reactor's version, the first <version> of java-bridge/pom.xml (its own, not a parent's).
version="$(git -C "$repo" show "$ref:java-bridge/pom.xml" | grep -m1 -oP '(?<=<version>)[^<]+')"
out="$dir/capacity-api-$version.jar"
git -C "$repo" archive "$ref" "$sources" | tar -x -C "$work"
rm -f "$dir"/capacity-api-*.jar   # one baseline at a time
mkdir -p "$work/classes" "$dir"
find "$work/$sources" -name '*.java' > "$work/files"
javac --release 17 -nowarn -d "$work/classes" @"$work/files"
jar --create --file "$out" -C "$work/classes" .
echo "api-baseline: $(git -C "$repo" rev-parse --short "$ref") ($ref), version $version" >&2
echo "$out"
