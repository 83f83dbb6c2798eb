#!/usr/bin/python3
"""End-to-end chat through the real Natter window, driven as a user would through AT-SPI.

Run inside scripts/headless-session with HS_A11Y=1 (ctest: `ctest -L desktop`), with Debian's
/usr/bin/python3 (it has gi/Atspi; the pyenv python3 on PATH does not):

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_chat.py \
        --natter build/ui/natter

What it does, against a real soketi it starts itself on free loopback ports:
  1. two Natter instances, alice and bob, auto-login into room "lobby" (local signing);
  2. each sees the other in "Who's Online", and the room in "Rooms";
  3. messages both ways: set the "Message" field, press "Send", read "Messages" on both sides;
  4. a pusher-js peer (tests/node/pusherjs-peer.js) joins: both lists show it; it sends a
     client-message that both windows show; it leaves: both lists drop it;
  5. soketi is stopped: "Connection status" says reconnecting; alice sends a message meanwhile;
     soketi restarts on the same port: both reconnect, bob gets that message, nothing twice;
  6. screenshots of the screen and of each window go to $NATTER_ARTIFACT_DIR
     (default build/test-artifacts).
Exit 0 when every check passed, 1 on a failed check, 2 on a setup problem.
Every process it starts is stopped by its PID.
"""

import argparse
import json
import os
import random
import re
import signal
import string
import subprocess
import sys
import time

# The helpers live in e2e_support.py; the other scenarios import them from here.
from e2e_support import (BUTTON_ROLES, LIST_ROLES, ROOT, TEXT_ROLES, WHO, Atspi, CheckFailed,  # noqa: F401
                         Procs, PusherJsPeer, SetupFailed, Soketi, Window, children, count_in, gi,
                         is_showing, log, role_name, screenshot, text_of, wait_for, walk, x_window_of)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--natter', default=os.environ.get('NATTER_BIN', os.path.join(ROOT, 'build/ui/natter')))
    ap.add_argument('--node', default=os.environ.get('NATTER_NODE', 'node'))
    ap.add_argument('--artifacts', default=os.environ.get('NATTER_ARTIFACT_DIR',
                                                          os.path.join(ROOT, 'build/test-artifacts')))
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
            screenshot(os.path.join(args.artifacts, 'e2e-failure.png'))
        procs.stop_all()
        for w in windows:
            path = os.path.join(logdir, f'{w.label}.log')
            if rc != 0 and os.path.exists(path):
                with open(path, errors='replace') as f:
                    tail = f.readlines()[-25:]
                print(f'--- last lines of {path}:\n' + ''.join(tail), flush=True)
    return rc


def run(args, procs, windows, logdir):
    token = ''.join(random.choices(string.ascii_lowercase + string.digits, k=6))
    soketi = Soketi(procs, args.node, logdir)
    soketi.start()

    Atspi.init()
    # Side by side on the screen, each in its own config/data dirs (two users, two machines).
    base = os.environ.get('HS_WORK') or os.environ.get('XDG_RUNTIME_DIR') or '/tmp'
    for user in ('alice', 'bob'):
        env = dict(os.environ)
        home = os.path.join(base, f'e2e-{user}-{token}')
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
        windows.append(Window(user, p))
    alice, bob = windows

    for w in windows:
        w.attach()
    # Lay the windows out side by side (no window manager: plain X requests work).
    for i, w in enumerate(windows):
        wid = x_window_of(w.proc.pid)
        if wid:
            subprocess.run(['xdotool', 'windowsize', wid, '940', '760'], timeout=10)
            subprocess.run(['xdotool', 'windowmove', wid, str(i * 960), '0'], timeout=10)

    # A login page, if the window shows one despite --user/--room: log in as the user.
    for w in windows:
        login = w.get('Log in', required=False, roles=BUTTON_ROLES)
        if login is not None:
            log(f'{w.label}: login page shown, logging in')
            user_field = w.get('User name', roles=TEXT_ROLES)
            if not text_of(user_field):
                w.set_text('User name', w.label)
            w.press('Log in')

    def connected(w):
        s = w.status()
        return s if s.startswith('Connected') else None

    for w in windows:
        wait_for(f'{w.label}: "Connection status" to say Connected', lambda w=w: connected(w), timeout=30)
        log(f'{w.label}: status {w.status()!r}')
        wait_for(f'{w.label}: "Rooms" to list lobby', lambda w=w: 'lobby' in ' '.join(w.items('Rooms')))

    # --- presence: each sees the other ---
    def online(w, who):
        return any(who in i.lower() for i in w.items("Who's Online"))

    wait_for("alice: bob in Who's Online", lambda: online(alice, 'bob'))
    wait_for("bob: alice in Who's Online", lambda: online(bob, 'alice'))
    wait_for("alice: herself in Who's Online", lambda: online(alice, 'alice'))
    log(f"who's online: alice sees {alice.items(WHO)}, bob sees {bob.items(WHO)}")

    # --- messages both ways ---
    a1 = f'hello bob, alice here {token}-a1'
    b1 = f'hi alice, bob here {token}-b1'
    alice.send(a1)
    wait_for('bob: alice\'s message in "Messages"', lambda: count_in(bob.items('Messages'), a1) >= 1)
    wait_for('alice: her own message in "Messages"', lambda: count_in(alice.items('Messages'), a1) >= 1)
    bob.send(b1)
    wait_for('alice: bob\'s message in "Messages"', lambda: count_in(alice.items('Messages'), b1) >= 1)
    wait_for('bob: his own message in "Messages"', lambda: count_in(bob.items('Messages'), b1) >= 1)
    wait_for('the "Message" field to be cleared after sending',
             lambda: (text_of(alice.get('Message', roles=TEXT_ROLES)) == ''
                      and text_of(bob.get('Message', roles=TEXT_ROLES)) == ''), timeout=5)
    log('messages both ways: ok')

    # --- a pusher-js peer joins, talks and leaves ---
    peer = PusherJsPeer(procs, args.node, soketi.port, 'pj')
    sub = peer.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    members = set(sub.get('members') or [])
    if not {'alice', 'bob', 'pj'} <= members:
        raise CheckFailed(f'pusher-js peer sees members {sorted(members)}, expected alice, bob, pj')
    for w in windows:
        wait_for(f"{w.label}: pj in Who's Online", lambda w=w: online(w, 'pj'))
    p1 = f'greetings from pusher-js {token}-p1'
    msg = {'id': f'pj-{token}-1', 'text': p1,
           'sent_at': time.strftime('%Y-%m-%dT%H:%M:%S.000Z', time.gmtime()),
           'user': {'id': 'pj', 'name': 'pj'}}
    peer.command('trigger client-message ' + json.dumps(msg))
    peer.wait_line('trigger answer', lambda o: o.get('type') == 'triggered')
    for w in windows:
        wait_for(f'{w.label}: the pusher-js message in "Messages"',
                 lambda w=w: count_in(w.items('Messages'), p1) >= 1)
    # And the peer got alice's and bob's messages? It only sees what is sent after it joined:
    c1 = f'welcome pj {token}-c1'
    alice.send(c1)
    peer.wait_line("alice's client-message",
                   lambda o: o.get('type') == 'event' and o.get('event') == 'client-message'
                   and c1 in json.dumps(o.get('data')) and o.get('user_id') == 'alice')
    peer.command('leave')
    peer.wait_line('unsubscribed', lambda o: o.get('type') == 'unsubscribed')
    for w in windows:
        wait_for(f"{w.label}: pj gone from Who's Online", lambda w=w: not online(w, 'pj'))
    peer.command('quit')
    Procs.stop(peer.proc)
    log('pusher-js peer joined, talked and left: ok')

    # --- soketi restarts mid-chat ---
    soketi.stop()
    for w in windows:
        wait_for(f'{w.label}: "Connection status" to say reconnecting',
                 lambda w=w: re.search('reconnect', w.status(), re.I), timeout=30)
        log(f'{w.label}: status {w.status()!r}')
    a2 = f'sent while the server was down {token}-a2'
    alice.send(a2)
    wait_for('alice: the pending message shown in "Messages"',
             lambda: count_in(alice.items('Messages'), a2) == 1, timeout=10)
    time.sleep(0.3)
    screenshot(os.path.join(args.artifacts, 'e2e-reconnecting.png'))
    time.sleep(1.0)
    soketi.start(soketi.port)
    for w in windows:
        wait_for(f'{w.label}: "Connection status" to say Connected again', lambda w=w: connected(w), timeout=60)
        log(f'{w.label}: status {w.status()!r}')
    # Client events are not stored by the server: if alice's outbox is flushed as soon as *her*
    # room is re-subscribed and bob's re-subscription comes later, bob never gets it.
    wait_for("bob: the message alice typed during the outage (alice shows "
             f"{count_in(alice.items('Messages'), a2)} copy; lost if sent before bob re-subscribed)",
             lambda: count_in(bob.items('Messages'), a2) >= 1, timeout=30)
    wait_for("alice: bob in Who's Online after the restart", lambda: online(alice, 'bob'))
    wait_for("bob: alice in Who's Online after the restart", lambda: online(bob, 'alice'))
    b2 = f'back again {token}-b2'
    bob.send(b2)
    wait_for('alice: bob\'s message after the restart', lambda: count_in(alice.items('Messages'), b2) >= 1)
    time.sleep(2.0)  # let any duplicate (outbox replay, re-delivery) arrive before counting
    for w in windows:
        items = w.items('Messages')
        for t in (a1, b1, p1, c1, a2, b2):
            n = count_in(items, t)
            if n != 1:
                raise CheckFailed(f'{w.label}: {t!r} shown {n} times in "Messages" (expected once): {items}')
        log(f'{w.label}: {len(items)} messages, each exactly once')
    log('restart mid-chat: ok')

    screenshot(os.path.join(args.artifacts, 'e2e-desktop.png'))
    for w in windows:
        wid = x_window_of(w.proc.pid)
        if wid:
            subprocess.run(['xdotool', 'windowraise', wid], timeout=10)
            time.sleep(0.3)
            screenshot(os.path.join(args.artifacts, f'e2e-{w.label}.png'), wid)


if __name__ == '__main__':
    sys.exit(main())
