#!/usr/bin/env bash
# `make run NODES=<n>`: a Data Center-like cluster on this machine — n host processes
# (cluster nodes node-1 … node-n, each on its own port from PORT up) on one PostgreSQL
# database. Without --jdbc-url in ARGS, a PostgreSQL server kept in DATA_DIR/cluster-postgres
# (as root: /var/tmp/ct-cluster-postgres-<hash of DATA_DIR>) is started for it (and stopped with the cluster); data survives restarts. Ctrl-C stops all.
# Each node's log is DATA_DIR/node-<i>.log. Sessions are per node (as without sticky sessions
# on a Jira DC load balancer): log in on each port you use.
set -euo pipefail
nodes="${NODES:?NODES=<number of nodes>}"
port="${PORT:-2990}"
data="$(mkdir -p "${DATA_DIR:-.data}" && cd "${DATA_DIR:-.data}" && pwd)"
java="${RUN_JAVA:-java}"
: "${HOST_JAR:?}" "${PLUGIN_JAR:?}" "${JIRA:?}"
case "$nodes" in [1-9]) ;; *) echo "run-cluster: NODES must be 1 to 9, not $nodes" >&2; exit 2;; esac

pids=()
pg=""
# PostgreSQL refuses to run as root: run it as the postgres system user then.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -z "$pg" ] || as_owner "$bin/pg_ctl" -D "$pg/data" -m fast stop >/dev/null || true
}
trap cleanup EXIT INT TERM

db_args=()
if [[ " ${ARGS:-} " != *" --jdbc-url "* ]]; then
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$bin" ] || { echo "run-cluster: a cluster needs PostgreSQL; scripts/install-test-deps.sh installs it, or pass ARGS=\"--jdbc-url ...\"" >&2; exit 1; }
    pg_dir="$data/cluster-postgres"
    # As root the server runs as the postgres user, who may not enter DATA_DIR: keep it in /var/tmp then.
    [ "$(id -u)" != 0 ] || pg_dir="/var/tmp/ct-cluster-postgres-$(printf %s "$data" | sha1sum | cut -c1-8)"
    pg_port=$((port + 1000))
    if ! [ -d "$pg_dir/data" ]; then
        mkdir -p "$pg_dir"
        if [ "$(id -u)" = 0 ]; then chown postgres "$pg_dir"; fi
        as_owner "$bin/initdb" -D "$pg_dir/data" -U ct -A trust -E UTF8 >"$pg_dir/initdb.log"
        new=1
    fi
    as_owner "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null
    pg="$pg_dir"
    [ -z "${new:-}" ] || as_owner "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U ct capacity
    db_args=(--jdbc-url "jdbc:postgresql://127.0.0.1:$pg_port/capacity" --jdbc-user ct)
    echo "run-cluster: PostgreSQL on 127.0.0.1:$pg_port (data in $pg_dir)"
fi

for i in $(seq 1 "$nodes"); do
    mkdir -p "$data/node-$i"
    # shellcheck disable=SC2086 # ARGS is a list of options
    "$java" ${HOST_HEAP:--Xmx768m} -Dcapacity.cluster.node="node-$i" -jar "$HOST_JAR" --jira "$JIRA" --plugin "$PLUGIN_JAR" \
        --port $((port + i - 1)) --data-dir "$data/node-$i" "${db_args[@]}" ${ARGS:-} >"$data/node-$i.log" 2>&1 &
    pids+=($!)
    # The first node creates the schema; the others start once it serves.
    if [ "$i" = 1 ]; then
        until grep -q "running at" "$data/node-1.log"; do
            kill -0 "${pids[0]}" 2>/dev/null || { cat "$data/node-1.log" >&2; exit 1; }
            sleep 1
        done
    fi
done
for i in $(seq 1 "$nodes"); do
    until grep -q "running at" "$data/node-$i.log"; do
        kill -0 "${pids[$((i - 1))]}" 2>/dev/null || { cat "$data/node-$i.log" >&2; exit 1; }
        sleep 1
    done
    echo "run-cluster: node-$i at http://localhost:$((port + i - 1))/jira/ (log $data/node-$i.log)"
done
grep -h "Cluster:" "$data/node-$nodes.log" || true
echo "run-cluster: $nodes nodes up; Ctrl-C stops them all"
wait -n "${pids[@]}" || true
echo "run-cluster: stopping every node" >&2
