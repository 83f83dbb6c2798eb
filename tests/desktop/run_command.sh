#!/usr/bin/env bash
# The README's run command under Xvfb (inside scripts/headless-session): scripts/run opens Natter
# logged in as the user in #lobby on a soketi it starts; closing Natter stops that soketi.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
ART=${NATTER_ARTIFACT_DIR:-$ROOT/build/test-artifacts}
mkdir -p "$ART"
export NATTER_STATE_DIR
NATTER_STATE_DIR=$(mktemp -d)
log=$NATTER_STATE_DIR/run.log
fail() { echo "run_command: FAIL: $*" >&2; sed 's/^/  | /' "$log" >&2 || true; exit 1; }

scripts/run --log-level info >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
    grep -q 'logged in as' "$log" && break
    kill -0 "$pid" 2>/dev/null || fail "scripts/run exited early"
    sleep 0.2
done
grep -q 'logged in as' "$log" || fail "Natter did not log in within 120 s"
read -r state port spid < <(scripts/soketi status) || fail "no soketi running"
[[ $state == running ]] || fail "soketi is not running"
grep -q 'rooms QList("lobby")' "$log" || fail "not in the lobby room"
sleep 1
import -window root "$ART/run-command.png" || true

kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
[[ $rc == 0 ]] || fail "scripts/run exited with $rc"
if kill -0 "$spid" 2>/dev/null && tr '\0' ' ' <"/proc/$spid/cmdline" 2>/dev/null | grep -q soketi; then
    kill "$spid"
    fail "soketi (pid $spid) still runs after Natter closed"
fi
rm -rf "$NATTER_STATE_DIR"
echo "run_command: 1 passed, 0 failed"
