#!/usr/bin/env bash
# Browser tests of the capacity panel against the real host.
# Needs: node >= 20, npm, /usr/bin/chromium (Debian package "chromium"), java 17, and the
# built jars (cargo build --release && mvn -B -q -f java-bridge/pom.xml install -DskipTests).
# Screenshots and the host's log go to tests/e2e/test-results/.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi
mkdir -p test-results
exec node --test --test-concurrency=1 specs/*.test.js
