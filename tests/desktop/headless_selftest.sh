#!/usr/bin/env bash
# Checks scripts/headless-session itself; run as
#   HS_A11Y=1 scripts/headless-session tests/desktop/headless_selftest.sh PATH/TO/desktop_a11y_probe
# Checks: isolated env, keychain round trip (secret-tool), notification received (dunst -print and
# dbus-monitor), a notification action picked through dunstctl, AT-SPI listing and driving of a Qt
# window, a screenshot, the tray host. Prints "N passed, M failed"; exit 1 if any failed.
set -uo pipefail
PROBE=${1:-}
pass=0 fail=0
ok() { echo "ok   - $*"; pass=$((pass + 1)); }
ko() { echo "FAIL - $*"; fail=$((fail + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else ko "$what"; fi; }

check "DISPLAY is set ($DISPLAY)" test -n "${DISPLAY:-}"
check "private session bus" test -n "${DBUS_SESSION_BUS_ADDRESS:-}"
check "XDG_RUNTIME_DIR inside HS_WORK with mode 700" \
    bash -c '[[ $XDG_RUNTIME_DIR == "$HS_WORK"/* && $(stat -c %a "$XDG_RUNTIME_DIR") == 700 ]]'
check "XDG_DATA_HOME/CONFIG/CACHE inside HS_WORK" \
    bash -c '[[ $XDG_DATA_HOME == "$HS_WORK"/* && $XDG_CONFIG_HOME == "$HS_WORK"/* && $XDG_CACHE_HOME == "$HS_WORK"/* ]]'

# Keychain: store, look up (QtKeychain's schema attributes), clear.
secret=hs-secret-$RANDOM
printf '%s' "$secret" | secret-tool store --label='natter selftest' server natter user selftest
check "keychain round trip (secret-tool store/lookup)" \
    test "$(secret-tool lookup server natter user selftest)" = "$secret"
secret-tool clear server natter user selftest
check "keychain entry cleared" bash -c '! secret-tool lookup server natter user selftest'
check "keyring files under XDG_DATA_HOME" test -d "$XDG_DATA_HOME/keyrings"

# Notifications.
notify-send -a natter-selftest "Selftest summary" "selftest body"
for _ in $(seq 50); do grep -q 'Selftest summary' "$HS_NOTIFY_LOG" && break; sleep 0.05; done
check "notification received by dunst" grep -q "summary: 'Selftest summary'" "$HS_NOTIFY_LOG"
check "Notify call seen by dbus-monitor" grep -q 'member=Notify' "$HS_DBUS_MONITOR_LOG"

# A named action invoked through dunstctl context + the picker.
out=$HS_WORK/action.out
notify-send -a natter-selftest -A open=Open -A reply=Reply "Action test" "pick reply" >"$out" 2>&1 &
nspid=$!
for _ in $(seq 50); do grep -q 'Action test' "$HS_NOTIFY_LOG" && break; sleep 0.05; done
echo reply >"$HS_DUNST_PICK"
dunstctl context >/dev/null 2>&1
for _ in $(seq 60); do kill -0 $nspid 2>/dev/null || break; sleep 0.05; done
kill $nspid 2>/dev/null
wait $nspid 2>/dev/null
: >"$HS_DUNST_PICK"
check "notification action 'reply' invoked through dunstctl" grep -qx reply "$out"

# Screenshot.
shot=$HS_WORK/selftest.png
import -window root "$shot" 2>/dev/null
check "screenshot (import -window root)" test -s "$shot"

# Tray host.
if [[ ${HS_TRAY:-trayer} == trayer ]]; then
    check "tray host (trayer) running" bash -c 'xdotool search --classname trayer >/dev/null'
fi

# AT-SPI: a Qt window appears, is driven and read back.
if [[ ${HS_A11Y:-0} == 1 && -n $PROBE && -x $PROBE ]]; then
    "$PROBE" >"$HS_WORK/probe.out" 2>"$HS_WORK/probe.err" </dev/null &
    ppid=$!
    for _ in $(seq 100); do grep -q ready "$HS_WORK/probe.out" && break; sleep 0.05; done
    if /usr/bin/python3 - "$ppid" <<'PY'
import sys, time, warnings
warnings.simplefilter("ignore", DeprecationWarning)
import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi
pid = int(sys.argv[1])
def find_app():
    d = Atspi.get_desktop(0)
    for i in range(d.get_child_count()):
        a = d.get_child_at_index(i)
        if a is not None and a.get_process_id() == pid:
            return a
def walk(a, depth=0):
    yield a, depth
    for i in range(a.get_child_count()):
        c = a.get_child_at_index(i)
        if c is not None:
            yield from walk(c, depth + 1)
deadline = time.time() + 10
app = None
while app is None and time.time() < deadline:
    app = find_app(); time.sleep(0.1)
if app is None:
    print('probe not on the AT-SPI bus'); sys.exit(1)
byname = {}
for a, d in walk(app):
    print('   ' + '  ' * d + f'{a.get_role_name()} {a.get_name()!r}')
    byname.setdefault(a.get_name(), a)
edit, send, lst = byname['Message'], byname['Send'], byname['Messages']
Atspi.EditableText.set_text_contents(edit, 'typed via AT-SPI')
names = [Atspi.Action.get_action_name(send, i) for i in range(Atspi.Action.get_n_actions(send))]
Atspi.Action.do_action(send, names.index('Press'))
deadline = time.time() + 5
while time.time() < deadline:
    lst.clear_cache()
    items = [lst.get_child_at_index(i).get_name() for i in range(lst.get_child_count())]
    if 'typed via AT-SPI' in items:
        print('   items:', items); sys.exit(0)
    time.sleep(0.1)
print('   item not found:', items); sys.exit(1)
PY
    then ok "AT-SPI listing and driving of a Qt window"; else ko "AT-SPI listing and driving of a Qt window"; fi
    kill $ppid 2>/dev/null
    wait $ppid 2>/dev/null
elif [[ ${HS_A11Y:-0} == 1 ]]; then
    ko "AT-SPI: no probe binary given"
fi

echo "$pass passed, $fail failed"
((fail == 0))
