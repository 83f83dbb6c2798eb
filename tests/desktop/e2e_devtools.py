#!/usr/bin/python3
"""End-to-end Developer tools through the real Natter window, driven through AT-SPI.

Run inside scripts/headless-session with HS_A11Y=1 (ctest: `ctest -R desktop_devtools`):

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_devtools.py \
        --natter build/ui/natter

Against a real soketi it starts itself on free loopback ports:
  1. Natter (alice, room lobby, local signing) connects; Ctrl+Shift+D opens "Developer tools";
  2. a pusher-js peer joins presence-lobby and sends a client event: its frame shows in
     "Frames" (found with the "Filter" field);
  3. in the Event creator, invalid JSON in "Event data" is refused with the reason shown;
  4. a valid event sent with "Send event" (REST API) reaches the pusher-js listener;
  5. a screenshot of the tools window goes to $NATTER_ARTIFACT_DIR (e2e-devtools.png).
Exit 0 when every check passed, 1 on a failed check, 2 on a setup problem.
Every process it starts is stopped by its PID.
"""

import argparse
import json
import os
import random
import signal
import string
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_chat as e2e  # noqa: E402  (its helpers: processes, soketi, the peer, AT-SPI)
from e2e_chat import Atspi, CheckFailed, SetupFailed, log, wait_for, text_of  # noqa: E402

TOOLS = 'Developer tools'


def x_window_named(name):
    try:
        out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', f'^{name}$'],
                             capture_output=True, text=True, timeout=10).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out[-1] if out else None


def select_tab(w, name):
    """Selects the tab page `name` (a "page tab" in the tab list) the way a screen reader does."""
    w.app.clear_cache()
    for acc, _ in e2e.walk(w.app):
        if e2e.role_name(acc) == 'page tab' and (acc.get_name() or '').replace('&', '') == name:
            parent = acc.get_parent()
            if 'Selection' in parent.get_interfaces():
                Atspi.Selection.select_child(parent, acc.get_index_in_parent())
                return
            if 'Action' in acc.get_interfaces() and Atspi.Action.get_n_actions(acc) > 0:
                Atspi.Action.do_action(acc, 0)
                return
    raise CheckFailed(f'no tab {name!r}\n' + w.dump())


def run(args, procs, windows, logdir):
    token = ''.join(random.choices(string.ascii_lowercase + string.digits, k=6))
    soketi = e2e.Soketi(procs, args.node, logdir)
    soketi.start()
    Atspi.init()

    base = os.environ.get('HS_WORK') or os.environ.get('XDG_RUNTIME_DIR') or '/tmp'
    home = os.path.join(base, f'e2e-devtools-{token}')
    env = dict(os.environ)
    for sub in ('config', 'data', 'cache'):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
    env.update({'XDG_CONFIG_HOME': os.path.join(home, 'config'),
                'XDG_DATA_HOME': os.path.join(home, 'data'),
                'XDG_CACHE_HOME': os.path.join(home, 'cache'),
                'NATTER_SECRET': 'app-secret'})
    env.pop('QT_QPA_PLATFORM', None)
    out = open(os.path.join(logdir, 'devtools-alice.log'), 'wb')
    p = procs.start('natter alice', [
        args.natter, '--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls',
        '--key', 'app-key', '--user', 'alice', '--room', 'lobby', '--new-instance'],
        env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    alice = e2e.Window('alice', p)
    windows.append(alice)
    alice.attach()
    wait_for('alice: "Connection status" to say Connected',
             lambda: alice.status().startswith('Connected'), timeout=30)

    # --- Ctrl+Shift+D, as a user types it (XTEST), on the focused main window ---
    wid = e2e.x_window_of(p.pid)
    if not wid:
        raise SetupFailed('no X window for natter')
    subprocess.run(['xdotool', 'windowfocus', '--sync', wid], timeout=10)
    subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+shift+d'], timeout=10)
    wait_for('the "Developer tools" window with its "Frames" list',
             lambda: alice.get('Frames', required=False, roles=e2e.LIST_ROLES), timeout=15)
    tools_wid = wait_for('an X window titled "Developer tools"', lambda: x_window_named(TOOLS),
                         timeout=10)
    subprocess.run(['xdotool', 'windowsize', tools_wid, '1000', '720'], timeout=10)
    subprocess.run(['xdotool', 'windowmove', tools_wid, '0', '0'], timeout=10)
    log('Ctrl+Shift+D opened "Developer tools"')

    # --- a pusher-js peer's client event shows in "Frames" ---
    peer = e2e.PusherJsPeer(procs, args.node, soketi.port, 'pj')
    peer.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    msg = {'id': f'pj-{token}', 'text': f'peer says hi {token}',
           'sent_at': time.strftime('%Y-%m-%dT%H:%M:%S.000Z', time.gmtime()),
           'user': {'id': 'pj', 'name': 'pj'}}
    peer.command('trigger client-message ' + json.dumps(msg))
    peer.wait_line('trigger answer', lambda o: o.get('type') == 'triggered')
    alice.set_text('Filter', token)
    frames = wait_for("the peer's client-message frame in \"Frames\" (filtered by its text)",
                      lambda: [i for i in alice.items('Frames') if 'client-message' in i
                               and '#presence-lobby' in i], timeout=20)
    log(f'"Frames" shows: {frames}')
    # The peer joining, under an event filter (recorded: the tools were open by then).
    alice.set_text('Filter', 'channel:presence-lobby event:member_added')
    wait_for("the peer's member_added frame under a channel and event filter",
             lambda: any('member_added' in i for i in alice.items('Frames')), timeout=10)
    alice.set_text('Filter', '')

    # --- Event creator: invalid JSON refused with the reason, then a REST event delivered ---
    select_tab(alice, 'Event creator')
    wait_for('the Event creator shown', lambda: alice.get('Send event', required=False,
                                                          roles=e2e.BUTTON_ROLES), timeout=10)
    alice.get('Send as')
    rest = alice.get('REST API', roles=('radio button',))
    if not rest.get_state_set().contains(Atspi.StateType.CHECKED):
        raise CheckFailed('"Send as" is not REST API by default (the profile has the app secret)')
    alice.set_text('App ID', 'app-id')
    alice.set_text('Channel', 'presence-lobby')
    alice.set_text('Event name', 'devtools-event')
    alice.set_text('Event data', '{"from": "devtools", "token": ')
    reason = wait_for('the JSON syntax error shown',
                      lambda: _validation(alice) if 'JSON syntax' in _validation(alice) else None,
                      timeout=10)
    log(f'invalid JSON: {reason!r}')
    button = alice.get('Send event', roles=e2e.BUTTON_ROLES)
    if button.get_state_set().contains(Atspi.StateType.ENABLED):
        raise CheckFailed('"Send event" is enabled with invalid JSON')
    alice.set_text('Event data', json.dumps({'from': 'devtools', 'token': token}))
    wait_for('"Send event" enabled with valid JSON',
             lambda: alice.get('Send event', roles=e2e.BUTTON_ROLES).get_state_set().contains(
                 Atspi.StateType.ENABLED), timeout=10)
    time.sleep(0.3)
    screenshot_tools(args, tools_wid, 'e2e-devtools-creator.png')
    alice.press('Send event')
    got = peer.wait_line('the event sent by the Event creator',
                         lambda o: o.get('type') == 'event' and o.get('event') == 'devtools-event'
                         and token in json.dumps(o.get('data')))
    log(f'pusher-js listener got: {got}')
    wait_for('the answer shown', lambda: 'Sent.' in text_of(alice.get('Answer')), timeout=10)
    log(f'answer: {text_of(alice.get("Answer"))!r}')

    select_tab(alice, 'Debug console')
    alice.set_text('Filter', 'event:devtools-event')
    wait_for('the REST event arriving back in "Frames"',
             lambda: any('devtools-event' in i for i in alice.items('Frames')), timeout=10)
    alice.set_text('Filter', '')
    time.sleep(0.5)
    screenshot_tools(args, tools_wid, 'e2e-devtools.png')
    peer.command('quit')


def _validation(w):
    # A label: its text is in the description (the name is "Validation").
    acc = w.get('Validation', required=False)
    return f'{text_of(acc)} {acc.get_description() or ""}' if acc is not None else ''


def screenshot_tools(args, wid, name):
    subprocess.run(['xdotool', 'windowraise', wid], timeout=10)
    time.sleep(0.2)
    e2e.screenshot(os.path.join(args.artifacts, name), wid)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--natter', default=os.environ.get('NATTER_BIN', os.path.join(e2e.ROOT, 'build/ui/natter')))
    ap.add_argument('--node', default=os.environ.get('NATTER_NODE', 'node'))
    ap.add_argument('--artifacts', default=os.environ.get('NATTER_ARTIFACT_DIR',
                                                          os.path.join(e2e.ROOT, 'build/test-artifacts')))
    args = ap.parse_args()
    if not os.environ.get('DISPLAY') or os.environ.get('QT_LINUX_ACCESSIBILITY_ALWAYS_ON') != '1':
        print('run me under HS_A11Y=1 scripts/headless-session', file=sys.stderr)
        return 2
    if not os.access(args.natter, os.X_OK):
        print(f'natter not found at {args.natter}', file=sys.stderr)
        return 2
    os.makedirs(args.artifacts, exist_ok=True)
    logdir = os.path.join(args.artifacts, 'e2e-logs')
    os.makedirs(logdir, exist_ok=True)

    procs = e2e.Procs()
    windows = []
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    rc = 0
    try:
        run(args, procs, windows, logdir)
        log('ALL CHECKS PASSED')
    except CheckFailed as e:
        log(f'CHECK FAILED: {e}')
        rc = 1
    except SetupFailed as e:
        log(f'SETUP FAILED: {e}')
        rc = 2
    except KeyboardInterrupt:
        log('interrupted')
        rc = 2
    finally:
        if rc != 0:
            for w in windows:
                if w.app is not None:
                    print(w.dump(), flush=True)
            e2e.screenshot(os.path.join(args.artifacts, 'e2e-devtools-failure.png'))
        procs.stop_all()
        path = os.path.join(logdir, 'devtools-alice.log')
        if rc != 0 and os.path.exists(path):
            with open(path, errors='replace') as f:
                print(f'--- last lines of {path}:\n' + ''.join(f.readlines()[-25:]), flush=True)
    return rc


if __name__ == '__main__':
    sys.exit(main())
