#!/usr/bin/env bash
# The README's run command under Xvfb (inside scripts/headless-session):
#  1. scripts/run starts soketi and natter-server and opens Natter logged in through natter-server
#     as the user in #lobby, with no secret in Natter's environment or argv; the state files are
#     0600 in a 0700 dir;
#  2. scripts/run --user bob reuses that pair (no new servers) and logs in too; closing bob's
#     window leaves the servers running;
#  3. closing the first window stops both servers;
#  4. scripts/run --local-signing still works: soketi only, Natter signs; closing stops soketi.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
ART=${NATTER_ARTIFACT_DIR:-$ROOT/build/test-artifacts}
mkdir -p "$ART"
export NATTER_STATE_DIR
NATTER_STATE_DIR=$(mktemp -d)/state # created by the scripts, as a user's would be
WORK=$(dirname "$NATTER_STATE_DIR")
current_log=
fail() {
    echo "run_command: FAIL: $*" >&2
    [[ -n $current_log ]] && sed 's/^/  | /' "$current_log" >&2 || true
    exit 1
}
pids_to_stop=()
cleanup() {
    local p
    for p in "${pids_to_stop[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in $(cat "$NATTER_STATE_DIR"/natter-server.pid "$NATTER_STATE_DIR"/soketi.pid 2>/dev/null); do
        kill -TERM "$p" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

# is_running PID NAME: PID is alive and its command line mentions NAME.
is_running() {
    [[ $1 =~ ^[0-9]+$ ]] && kill -0 "$1" 2>/dev/null \
        && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q "$2"
}

# start_run LOG ARGS...: scripts/run in the background; waits until Natter logged in.
start_run() {
    local log=$1
    shift
    current_log=$log
    scripts/run --log-level info "$@" >"$log" 2>&1 &
    run_pid=$!
    pids_to_stop+=("$run_pid")
    for _ in $(seq 1 600); do
        grep -q 'logged in as' "$log" && break
        kill -0 "$run_pid" 2>/dev/null || fail "scripts/run $* exited early"
        sleep 0.2
    done
    grep -q 'logged in as' "$log" || fail "scripts/run $*: Natter did not log in within 120 s"
    grep -q 'rooms QList("lobby")' "$log" || fail "scripts/run $*: not in the lobby room"
    # Natter is the run script's child (env execs it).
    natter_pid=$(ps -o pid= --ppid "$run_pid" | awk '{print $1}' | while read -r p; do
        if is_running "$p" 'ui/natter'; then echo "$p"; fi
    done | head -n 1)
    [[ -n $natter_pid ]] || fail "scripts/run $*: no natter process found"
}

stop_run() {
    local rc=0
    kill -TERM "$1"
    wait "$1" || rc=$?
    [[ $rc == 0 ]] || fail "scripts/run exited with $rc"
}

mode() { stat -c %a "$1"; }

# --- 1. the default path: soketi + natter-server ---
start_run "$WORK/alice.log" --user alice
alice_run=$run_pid
read -r state port spid < <(scripts/soketi status) || fail "no soketi running"
[[ $state == running ]] || fail "soketi is not running"
read -r sstate url npid upstream < <(scripts/natter-server status) || fail "no natter-server running"
[[ $sstate == running && $upstream == "$port" ]] || fail "natter-server is not running against soketi"
curl -sf --max-time 2 "$url/healthz" | grep -q '"ok"' || fail "natter-server /healthz does not answer ok"
tr '\0' ' ' <"/proc/$natter_pid/cmdline" | grep -q -- "--server $url" \
    || fail "Natter was not started with --server $url"
tr '\0' '\n' <"/proc/$natter_pid/cmdline" | grep -q 'app-secret' && fail "the app secret is in Natter's argv"
tr '\0' '\n' <"/proc/$natter_pid/environ" | grep -Eq '^NATTER_(PUSHER_)?SECRET=|app-secret' \
    && fail "a secret is in Natter's environment"
tr '\0' '\n' <"/proc/$npid/environ" | grep -q '^NATTER_PUSHER_SECRET=app-secret$' \
    || fail "natter-server did not get the app secret"
[[ $(mode "$NATTER_STATE_DIR") == 700 ]] || fail "state dir is $(mode "$NATTER_STATE_DIR"), not 700"
for f in "$NATTER_STATE_DIR"/*; do
    [[ -f $f ]] || continue
    [[ $(mode "$f") == 600 ]] || fail "$f is $(mode "$f"), not 600"
done
# alice holds a live session: the name is taken on natter-server.
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"name":"alice"}' "$url/session")
[[ $code == 409 ]] || fail "POST /session as alice answered $code, not 409: Natter is not logged in through natter-server"
sleep 1
import -window root "$ART/run-command.png" || true

# --- 2. a second window reuses the pair ---
start_run "$WORK/bob.log" --user bob
bob_run=$run_pid
grep -q 'using the running natter-server' "$WORK/bob.log" || fail "bob's run did not reuse natter-server"
grep -q 'using the running soketi' "$WORK/bob.log" || fail "bob's run did not reuse soketi"
read -r _ _ npid2 _ < <(scripts/natter-server status) || fail "natter-server stopped"
[[ $npid2 == "$npid" ]] || fail "bob's run started another natter-server"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"name":"bob"}' "$url/session")
[[ $code == 409 ]] || fail "POST /session as bob answered $code, not 409"
sleep 1
import -window root "$ART/run-command-two-windows.png" || true
stop_run "$bob_run"
is_running "$npid" natter-server || fail "closing bob's window stopped natter-server"
is_running "$spid" soketi || fail "closing bob's window stopped soketi"

# --- 3. closing the first window stops both ---
current_log=$WORK/alice.log
stop_run "$alice_run"
for _ in $(seq 1 50); do
    is_running "$npid" natter-server || is_running "$spid" soketi || break
    sleep 0.1
done
is_running "$npid" natter-server && fail "natter-server (pid $npid) still runs after Natter closed"
is_running "$spid" soketi && fail "soketi (pid $spid) still runs after Natter closed"

# --- 4. the local-signing path ---
start_run "$WORK/local.log" --local-signing
local_run=$run_pid
read -r state port spid < <(scripts/soketi status) || fail "--local-signing: no soketi running"
scripts/natter-server status >/dev/null && fail "--local-signing started natter-server"
tr '\0' ' ' <"/proc/$natter_pid/cmdline" | grep -q -- "--port $port" \
    || fail "--local-signing: Natter is not on soketi directly"
stop_run "$local_run"
is_running "$spid" soketi && fail "--local-signing: soketi (pid $spid) still runs after Natter closed"

echo "run_command: 4 passed, 0 failed"
