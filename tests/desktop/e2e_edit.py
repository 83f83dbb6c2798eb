#!/usr/bin/python3
"""Edit and delete between two Natter windows and a pusher-js peer, driven through AT-SPI.

Run inside scripts/headless-session with HS_A11Y=1 (ctest: `ctest -L desktop -R desktop_e2e_edit`):

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_edit.py \
        --natter build/ui/natter

Against a real soketi on free loopback ports (helpers from e2e_chat.py):
  1. alice and bob log into "lobby", a pusher-js peer joins; alice sends a message;
  2. alice presses Up in the empty "Message" field (XTEST keys): the field holds her message;
     she changes it and presses "Send": bob's "Messages" shows the new text with "(edited)",
     and the peer gets client-edit with user_id alice;
  3. the peer forges a client-edit of alice's message: neither window changes it;
  4. alice opens the context menu of her message (Shift+F10), "Delete…", confirms "Delete":
     both windows show "This message was deleted.", the peer gets client-delete;
  5. screenshots of both windows go to $NATTER_ARTIFACT_DIR.
Exit 0 when every check passed, 1 on a failed check, 2 on a setup problem.
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

import e2e_chat as e2e
from e2e_chat import (BUTTON_ROLES, LIST_ROLES, TEXT_ROLES, Atspi, CheckFailed, Procs,
                      SetupFailed, count_in, log, text_of, wait_for)

DELETED = 'This message was deleted.'


def focus_window(w):
    wid = e2e.x_window_of(w.proc.pid)
    if not wid:
        raise SetupFailed(f'{w.label}: no X window')
    subprocess.run(['xdotool', 'windowfocus', '--sync', wid], timeout=10)
    return wid


def key(*keys):
    subprocess.run(['xdotool', 'key', '--clearmodifiers', *keys], timeout=10)
    time.sleep(0.2)


def find_role(w, name, roles, timeout=10):
    return wait_for(f'{w.label}: {name!r} ({"/".join(roles)})',
                    lambda: w.get(name, required=False, roles=roles), timeout=timeout)


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
    os.makedirs(args.artifacts, exist_ok=True)
    logdir = os.path.join(args.artifacts, 'e2e-edit-logs')
    os.makedirs(logdir, exist_ok=True)
    procs = Procs()
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
            e2e.screenshot(os.path.join(args.artifacts, 'e2e-edit-failure.png'))
        procs.stop_all()
    return rc


def run(args, procs, windows, logdir):
    token = ''.join(random.choices(string.ascii_lowercase + string.digits, k=6))
    soketi = e2e.Soketi(procs, args.node, logdir)
    soketi.start()
    Atspi.init()
    base = os.environ.get('HS_WORK') or os.environ.get('XDG_RUNTIME_DIR') or '/tmp'
    for user in ('alice', 'bob'):
        env = dict(os.environ)
        home = os.path.join(base, f'e2e-edit-{user}-{token}')
        for sub in ('config', 'data', 'cache'):
            os.makedirs(os.path.join(home, sub), exist_ok=True)
        env.update({'XDG_CONFIG_HOME': os.path.join(home, 'config'),
                    'XDG_DATA_HOME': os.path.join(home, 'data'),
                    'XDG_CACHE_HOME': os.path.join(home, 'cache'),
                    'NATTER_SECRET': 'app-secret'})
        env.pop('QT_QPA_PLATFORM', None)
        out = open(os.path.join(logdir, f'{user}.log'), 'wb')
        p = procs.start(f'natter {user}', [
            args.natter, '--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls',
            '--key', 'app-key', '--user', user, '--room', 'lobby', '--new-instance'],
            env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        windows.append(e2e.Window(user, p))
    alice, bob = windows
    for w in windows:
        w.attach()
    for i, w in enumerate(windows):
        wid = e2e.x_window_of(w.proc.pid)
        if wid:
            subprocess.run(['xdotool', 'windowsize', wid, '940', '760'], timeout=10)
            subprocess.run(['xdotool', 'windowmove', wid, str(i * 960), '0'], timeout=10)
    for w in windows:
        wait_for(f'{w.label}: Connected', lambda w=w: w.status().startswith('Connected'), timeout=30)

    def online(w, who):
        return any(who in i.lower() for i in w.items(e2e.WHO))

    wait_for("alice: bob in Who's Online", lambda: online(alice, 'bob'))
    wait_for("bob: alice in Who's Online", lambda: online(bob, 'alice'))
    peer = e2e.PusherJsPeer(procs, args.node, soketi.port, 'pj')
    peer.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    for w in windows:
        wait_for(f"{w.label}: pj in Who's Online", lambda w=w: online(w, 'pj'))

    # --- alice sends, then edits with Up in the empty field ---
    a1 = f'helo everyone {token}'
    alice.send(a1)
    sent = peer.wait_line("alice's client-message",
                          lambda o: o.get('type') == 'event' and o.get('event') == 'client-message'
                          and a1 in json.dumps(o.get('data')))
    message_id = sent['data']['id']
    wait_for('bob: alice\'s message', lambda: count_in(bob.items('Messages'), a1) == 1)
    wait_for('alice: the field empty after sending',
             lambda: text_of(alice.get('Message', roles=TEXT_ROLES)) == '', timeout=5)
    focus_window(alice)
    Atspi.Component.grab_focus(alice.get('Message', roles=TEXT_ROLES))
    key('Up')
    wait_for('alice: Up put her message into the field',
             lambda: text_of(alice.get('Message', roles=TEXT_ROLES)) == a1, timeout=10)
    a2 = f'hello everyone {token}'
    alice.set_text('Message', a2)
    alice.press('Send')
    edit = peer.wait_line("alice's client-edit",
                          lambda o: o.get('type') == 'event' and o.get('event') == 'client-edit')
    if edit.get('user_id') != 'alice' or edit['data'].get('id') != message_id \
            or edit['data'].get('text') != a2:
        raise CheckFailed(f'pusher-js peer got an unexpected client-edit: {edit}')
    for w in windows:
        wait_for(f'{w.label}: the edited text with "(edited)"',
                 lambda w=w: any(a2 in i and '(edited)' in i for i in w.items('Messages')))
        if count_in(w.items('Messages'), a1):
            raise CheckFailed(f'{w.label}: the old text is still shown: {w.items("Messages")}')
    log('edit with Up, seen by bob and the peer: ok')

    # --- a forged edit from the peer changes nothing ---
    peer.command('trigger client-edit ' + json.dumps({'id': message_id, 'text': f'forged {token}'}))
    peer.wait_line('trigger answer', lambda o: o.get('type') == 'triggered')
    marker = f'after the forgery {token}'
    peer.command('trigger client-message ' + json.dumps({'id': f'pj-{token}', 'text': marker}))
    for w in windows:
        wait_for(f'{w.label}: the peer\'s message after the forgery',
                 lambda w=w: count_in(w.items('Messages'), marker) == 1)
        if count_in(w.items('Messages'), 'forged'):
            raise CheckFailed(f'{w.label}: the forged edit was applied: {w.items("Messages")}')
    log('forged edit ignored: ok')

    # --- alice deletes it: right-click on her message, "Delete…", confirmation ---
    focus_window(alice)
    row = None
    lst = alice.get('Messages', roles=LIST_ROLES)
    lst.clear_cache()
    for c in e2e.children(lst):
        try:
            if a2 in (c.get_name() or ''):
                row = c
        except Exception:  # noqa: BLE001 - a row going away while walking
            continue
    if row is None:
        raise CheckFailed('alice: her message is gone before the delete')
    box = Atspi.Component.get_extents(row, Atspi.CoordType.SCREEN)
    subprocess.run(['xdotool', 'mousemove', '--sync', str(box.x + box.width // 2),
                    str(box.y + box.height // 2), 'click', '3'], timeout=10)
    time.sleep(0.5)
    # The popup menu is not reliably in the AT-SPI tree: keys, as a user would (Up from the top
    # wraps to the last entry, "Delete…").
    key('Up')
    key('Return')
    confirm = find_role(alice, 'Delete', BUTTON_ROLES)
    e2e.screenshot(os.path.join(args.artifacts, 'e2e-edit-confirm.png'))
    Atspi.Action.do_action(confirm, 0)
    removal = peer.wait_line("alice's client-delete",
                             lambda o: o.get('type') == 'event' and o.get('event') == 'client-delete')
    if removal.get('user_id') != 'alice' or removal['data'].get('id') != message_id:
        raise CheckFailed(f'pusher-js peer got an unexpected client-delete: {removal}')
    for w in windows:
        wait_for(f'{w.label}: "{DELETED}"', lambda w=w: count_in(w.items('Messages'), DELETED) == 1)
        if count_in(w.items('Messages'), a2):
            raise CheckFailed(f'{w.label}: the deleted text is still shown')
    log('delete with confirmation, seen by bob and the peer: ok')

    for w in windows:
        wid = e2e.x_window_of(w.proc.pid)
        if wid:
            e2e.screenshot(os.path.join(args.artifacts, f'e2e-edit-{w.label}.png'), wid)


if __name__ == '__main__':
    sys.exit(main())
