#!/usr/bin/env bash
# The security layer: XSRF against every plugin REST write from same-site and cross-site
# pages in Chromium, headers on every page, no exception text in any error answer, login
# throttling and logout by POST (docs/security.md). It runs against the real host like the
# browser suite and reuses that suite's host launcher, browser and node_modules
# (tests/e2e/lib, playwright-core driving Debian's chromium). CT_JIRA=10 (default) or 11
# picks the host and jar, as for tests/e2e/run.sh; logs go to tests/e2e/test-results/jira<mode>/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/../e2e/node_modules/playwright-core" ]; then
  (cd "$here/../e2e" && npm ci --no-audit --no-fund)
fi
echo "security tests against the Jira ${CT_JIRA:-10} host"
cd "$here"
exec node --test --test-concurrency=1 specs/*.test.js
