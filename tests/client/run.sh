#!/usr/bin/env bash
# Drives the Jira-compatible host with an independent Jira REST client (the "jira" package from
# PyPI, pinned in requirements.txt) the way a reporting script would. Creates tests/client/.venv
# on first use (pip from PyPI only) and reinstalls when requirements.txt changes. Needs the built
# Jira 10 host and plugin jars (cargo build --release && mvn ... install -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"

if ! [ -x "$venv/bin/python" ]; then
    echo "client tests: creating $venv"
    python3 -m venv "$venv"
fi
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "client tests: installing requirements.txt into $venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$here/requirements.txt"
    echo "$want" > "$stamp"
fi

cd "$here"
exec "$venv/bin/python" -m pytest -p no:cacheprovider "$@"
