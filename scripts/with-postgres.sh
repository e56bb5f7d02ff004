#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on loopback, for the host's PostgreSQL
# tests: `scripts/with-postgres.sh <command...>` exports CT_POSTGRES_URL and CT_POSTGRES_USER,
# runs the command, then stops the server and deletes its data whatever happened.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || ! [ -x "$bin/initdb" ]; then
    echo "with-postgres: PostgreSQL is not installed (scripts/install-test-deps.sh installs it)" >&2
    exit 1
fi

dir=$(mktemp -d /tmp/ct-postgres.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# PostgreSQL refuses to run as root: run it as the postgres system user then.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$dir"

stop() {
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT

as_owner "$bin/initdb" -D "$dir/data" -U ct -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U ct capacity

export CT_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/capacity"
export CT_POSTGRES_USER=ct
"$@"
