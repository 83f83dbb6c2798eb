#!/usr/bin/env bash
# natter-server benchmark: sustained sends/s and POST → delivery latency at a listening natter-cli,
# on SQLite and on PostgreSQL, with 1, 10 and 100 concurrent senders (one session each); history
# page (limit 50) latency at HISTORY stored messages. The anchor: the same senders triggering
# new_message straight through the Pusher HTTP API (no natter-server), on the same soketi.
#
#   bench/natter-server.sh
#
# Environment:
#   BACKENDS="sqlite postgresql"   which storage backends to run
#   SENDERS=1,10,100               concurrent senders per run
#   DURATION=10                    seconds per run
#   HISTORY=100000                 messages stored before the history pages are timed (0: skip)
#   HISTORY_SAMPLES=500            pages timed per kind (newest, before=random id)
#   HISTORY_API=1000               of those, how many are sent through POST /rooms/history/messages;
#                                  the rest are inserted with SQL first (a POST per message would
#                                  take many minutes on a small machine). That SQL follows
#                                  natter-server's schema version 1 and is checked against it.
#   NATTER_SERVER=build/server/natter-server   NATTER_CLI=build/cli/natter-cli
#   BENCH_KEEP=1                   keep the work dir (server logs, results.jsonl)
#
# Everything binds 127.0.0.1 on free ports and is stopped by PID. PostgreSQL runs as an
# unprivileged user (`postgres` via runuser when started as root) from initdb in a temp dir.
# Prints per-run lines on stderr and Markdown tables on stdout. Exit 2 when a run fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BACKENDS=${BACKENDS:-sqlite postgresql}
SENDERS=${SENDERS:-1,10,100}
DURATION=${DURATION:-10}
HISTORY=${HISTORY:-100000}
HISTORY_SAMPLES=${HISTORY_SAMPLES:-500}
HISTORY_API=${HISTORY_API:-1000}
((HISTORY_API <= HISTORY)) || HISTORY_API=$HISTORY
NATTER_SERVER=${NATTER_SERVER:-$ROOT/build/server/natter-server}
NATTER_CLI=${NATTER_CLI:-$ROOT/build/cli/natter-cli}
SOKETI_JS=$ROOT/server/soketi/node_modules/@soketi/soketi/bin/server.js
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
APP_ID=app-id APP_KEY=app-key APP_SECRET=app-secret

die() { echo "bench/natter-server: $*" >&2; exit 2; }
[[ -x $NATTER_SERVER ]] || die "natter-server not found at $NATTER_SERVER (cmake --build build --target natter-server)"
[[ -x $NATTER_CLI ]] || die "natter-cli not found at $NATTER_CLI (cmake --build build --target natter-cli)"
[[ -f $SOKETI_JS ]] || die "soketi is not installed ($SOKETI_JS)"
command -v node >/dev/null || die "node is missing"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/natter-server-bench.XXXXXX")
PIDS=()
PG_DATA=
PG_ROOT=
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [[ -n $PG_DATA && -f $PG_DATA/postmaster.pid ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    [[ -n $PG_ROOT ]] && rm -rf "$PG_ROOT"
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then
        echo "bench/natter-server: outputs kept in $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    local p i
    for ((i = 0; i < 200; i++)); do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        if [[ -z $(ss -Hltn "sport = :$p" 2>/dev/null) ]]; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

# PostgreSQL refuses to run as root.
as_pg() {
    if [[ $(id -u) == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

wait_http() { # URL SECONDS
    local deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

start_soketi() {
    SOKETI_PORT=$(free_port)
    SOKETI_HOST=127.0.0.1 SOKETI_PORT=$SOKETI_PORT SOKETI_METRICS_HOST=127.0.0.1 \
        SOKETI_METRICS_SERVER_PORT=$(free_port) SOKETI_SHUTDOWN_GRACE_PERIOD=0 \
        SOKETI_DEFAULT_APP_ID=$APP_ID SOKETI_DEFAULT_APP_KEY=$APP_KEY \
        SOKETI_DEFAULT_APP_SECRET=$APP_SECRET \
        node "$SOKETI_JS" start >"$WORK/soketi.log" 2>&1 &
    PIDS+=($!)
    wait_http "http://127.0.0.1:$SOKETI_PORT/" 30 || die "soketi did not start (see $WORK/soketi.log)"
}

start_postgres() {
    PG_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/natter-bench-pg.XXXXXX")
    chmod 0755 "$PG_ROOT"
    PG_DATA=$PG_ROOT/data
    mkdir -m 0700 "$PG_DATA" "$PG_ROOT/socket"
    if [[ $(id -u) == 0 ]]; then chown -R postgres: "$PG_ROOT"; fi
    PG_PORT=$(free_port)
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U natter -A trust -E UTF8 >"$WORK/initdb.log" 2>&1 ||
        die "initdb failed (see $WORK/initdb.log)"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_ROOT/postgres.log" -w \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_ROOT/socket" start >/dev/null ||
        die "PostgreSQL did not start"
    as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U natter natter ||
        die "createdb failed"
}

# start_natter_server DATABASE_URL: sets SERVER_BASE.
start_natter_server() {
    local err=$WORK/natter-server.$BACKEND.log deadline line
    NATTER_PUSHER_APP_ID=$APP_ID NATTER_PUSHER_KEY=$APP_KEY NATTER_PUSHER_SECRET=$APP_SECRET \
        NATTER_PUSHER_HOST=127.0.0.1 NATTER_PUSHER_PORT=$SOKETI_PORT NATTER_PUSHER_TLS=0 \
        "$NATTER_SERVER" --listen 127.0.0.1:0 --database "$1" --rate-limit 1000000/1 \
        2>"$err" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        line=$(grep -m1 -o 'listening on http://[0-9.:]*' "$err" 2>/dev/null || true)
        [[ -n $line ]] && break
        kill -0 "$SERVER_PID" 2>/dev/null || die "natter-server exited: $(tail -n 3 "$err")"
        sleep 0.1
    done
    [[ -n $line ]] || die "natter-server did not report its port"
    SERVER_BASE=${line#listening on }
}

# seed_history DATABASE_URL COUNT: COUNT delivered messages in room "history", oldest first.
seed_history() {
    local count=$2 version
    ((count > 0)) || return 0
    local rows="'history', 'seed-' || i, 'u_seed0000000000', 'seed', 'history message ' || i"
    case $BACKEND in
    sqlite)
        version=$(sqlite3 -cmd '.timeout 10000' "${1#sqlite://}" 'SELECT max(version) FROM schema_version')
        [[ $version == 1 ]] || die "natter-server schema version $version; update seed_history"
        sqlite3 -cmd '.timeout 10000' "${1#sqlite://}" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
            SELECT i + 1 FROM n WHERE i < $count) INSERT INTO messages (room, client_id, user_id,
            user_name, text, sent_at, delivered) SELECT $rows,
            CAST(strftime('%s', 'now') AS INTEGER) * 1000, 1 FROM n"
        ;;
    postgresql)
        local psql=(psql -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -U natter -d natter -v ON_ERROR_STOP=1)
        version=$("${psql[@]}" -c 'SELECT max(version) FROM schema_version')
        [[ $version == 1 ]] || die "natter-server schema version $version; update seed_history"
        "${psql[@]}" -c "INSERT INTO messages (room, client_id, user_id, user_name, text, sent_at,
            delivered) SELECT $rows, (extract(epoch FROM now()) * 1000)::bigint, 1
            FROM generate_series(1, $count) AS i; ANALYZE messages"
        ;;
    esac
}

stop_natter_server() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
}

start_soketi
echo "bench/natter-server: soketi on 127.0.0.1:$SOKETI_PORT; senders $SENDERS, ${DURATION} s each," \
    "history at $HISTORY messages" >&2
RESULTS=$WORK/results.jsonl
ANCHOR=(--anchor-host 127.0.0.1 --anchor-port "$SOKETI_PORT" --app-id "$APP_ID" --key "$APP_KEY"
    --secret "$APP_SECRET")
for BACKEND in $BACKENDS; do
    case $BACKEND in
    sqlite) DATABASE=sqlite://$WORK/natter.db ;;
    postgresql)
        start_postgres
        DATABASE=postgresql://natter@127.0.0.1:$PG_PORT/natter
        ;;
    *) die "unknown backend $BACKEND" ;;
    esac
    start_natter_server "$DATABASE"
    echo "bench/natter-server: $BACKEND, natter-server at $SERVER_BASE" >&2
    seed_history "$DATABASE" $((HISTORY - HISTORY_API))
    node "$ROOT/bench/natter-server-load.js" --base "$SERVER_BASE" --cli "$NATTER_CLI" \
        --label "$BACKEND" --senders "$SENDERS" --duration "$DURATION" --history "$HISTORY" \
        --history-samples "$HISTORY_SAMPLES" \
        --history-seeded $((HISTORY - HISTORY_API)) "${ANCHOR[@]}" >>"$RESULTS" ||
        die "the $BACKEND run failed"
    ANCHOR=() # the anchor does not depend on the backend: once is enough
    stop_natter_server
done

node "$ROOT/bench/natter-server-load.js" --table "$RESULTS"
