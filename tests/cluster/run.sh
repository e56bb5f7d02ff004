#!/usr/bin/env bash
# The cluster layer: three Jira 10 hosts (cluster nodes) on one throwaway PostgreSQL,
# driven over HTTP by cluster_test.py (Python standard library only). Needs the built
# Jira 10 host and plugin jars (make build). Options after run.sh go to cluster_test.py
# (e.g. --rounds 300). The nodes run with Jira DC's plugin-settings cache invalidated 3 s late
# (the host's default is 300 ms): documents live in Active Objects, so even that loses nothing;
# a later --settings-cache-ms wins.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec "$repo/scripts/with-postgres.sh" python3 "$repo/tests/cluster/cluster_test.py" \
    --host-jar "$repo/java-bridge/host/target/capacity-host-jira10.jar" \
    --plugin-jar "$repo/java-bridge/plugin/target/capacity-tracker-jira10-0.1.0.jar" \
    --settings-cache-ms 3000 "$@"
