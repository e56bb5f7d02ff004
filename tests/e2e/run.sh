#!/usr/bin/env bash
# Browser tests of the capacity panel against the real host.
# Needs: node >= 20, npm, /usr/bin/chromium (Debian package "chromium"), java 17, and the
# built jars (cargo build --release && mvn -B -q -f java-bridge/pom.xml install -DskipTests).
# CT_JIRA=10 (default) runs them against the Jira 10.3 host and jar, CT_JIRA=11 against the
# Jira 11 host and jar on a JDK 21+. Screenshots and the host's log go to
# tests/e2e/test-results/jira<mode>/.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi
mkdir -p "test-results/jira${CT_JIRA:-10}"
echo "browser tests against the Jira ${CT_JIRA:-10} host"
# Spec files given as arguments (e.g. specs/reports.test.js) run alone; none: every spec.
if [ "$#" -gt 0 ]; then
  exec node --test --test-concurrency=1 "$@"
fi
exec node --test --test-concurrency=1 specs/*.test.js
