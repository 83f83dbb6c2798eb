#!/usr/bin/python3
"""Reply between two Natter windows and a pusher-js peer, driven through AT-SPI.

Run inside scripts/headless-session with HS_A11Y=1 (ctest: `ctest -L desktop -R desktop_e2e_reply`):

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_reply.py \
        --natter build/ui/natter

Against a real soketi on free loopback ports (helpers from e2e_chat.py and e2e_edit.py):
  1. alice and bob log into "lobby", a pusher-js peer joins and asks a question;
  2. bob clicks the question's row (its margin, not its text) and presses Ctrl+R: the reply bar
     names pj and the question; he sends his answer: the peer gets a client-message stamped
     user_id bob whose reply_to is the question's id, and alice's "Messages" shows the answer
     with "(reply to pj: <the question>)";
  3. the peer sends a reply to an id nobody has: alice shows "(reply to a message not loaded)";
  4. screenshots of both windows go to $NATTER_ARTIFACT_DIR.
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
    logdir = os.path.join(args.artifacts, 'e2e-reply-logs')
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
            e2e.screenshot(os.path.join(args.artifacts, 'e2e-reply-failure.png'))
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
        home = os.path.join(base, f'e2e-reply-{user}-{token}')
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

    # --- the peer asks; bob replies to it with Ctrl+R on its row ---
    question = f'who broke the build {token}?'
    peer.command('trigger client-message ' + json.dumps({'id': f'q-{token}', 'text': question}))
    peer.wait_line('trigger answer', lambda o: o.get('type') == 'triggered')
    for w in windows:
        wait_for(f"{w.label}: the peer's question", lambda w=w: count_in(w.items('Messages'), question) == 1)
    focus_window(bob)
    row = None
    lst = bob.get('Messages', roles=LIST_ROLES)
    lst.clear_cache()
    for c in e2e.children(lst):
        try:
            if question in (c.get_name() or ''):
                row = c
        except Exception:  # noqa: BLE001 - a row going away while walking
            continue
    if row is None:
        raise CheckFailed('bob: the question is not in the list')
    box = Atspi.Component.get_extents(row, Atspi.CoordType.SCREEN)
    # The row's left margin: a press on the text itself opens the text selector instead.
    subprocess.run(['xdotool', 'mousemove', '--sync', str(box.x + 2), str(box.y + box.height // 2),
                    'click', '1'], timeout=10)
    time.sleep(0.3)
    key('ctrl+r')
    bar = wait_for('bob: the reply bar naming pj and the question',
                   lambda: bob.get(f'Replying to pj: {question}', required=False), timeout=10)
    e2e.screenshot(os.path.join(args.artifacts, 'e2e-reply-bar.png'), e2e.x_window_of(bob.proc.pid))
    if bar is None:
        raise CheckFailed('bob: no reply bar')
    answer = f'it was me {token}'
    bob.send(answer)
    sent = peer.wait_line("bob's reply",
                          lambda o: o.get('type') == 'event' and o.get('event') == 'client-message'
                          and answer in json.dumps(o.get('data')))
    if sent.get('user_id') != 'bob' or sent['data'].get('reply_to') != f'q-{token}':
        raise CheckFailed(f'pusher-js peer got an unexpected reply: {sent}')
    quoted = f'(reply to pj: {question})'
    wait_for(f'alice: the answer quoting the question {quoted!r}',
             lambda: any(answer in i and quoted in i for i in alice.items('Messages')))
    if bob.get(f'Replying to pj: {question}', required=False) is not None:
        raise CheckFailed('bob: the reply bar is still shown after sending')
    log('reply with Ctrl+R, quoted from the original at alice, reply_to at the peer: ok')

    # --- a reply to a message nobody has ---
    stray = f'about something else {token}'
    peer.command('trigger client-message ' + json.dumps({'id': f's-{token}', 'text': stray,
                                                         'reply_to': f'nowhere-{token}'}))
    peer.wait_line('trigger answer', lambda o: o.get('type') == 'triggered')
    wait_for('alice: the stray reply marked as to a message not loaded',
             lambda: any(stray in i and '(reply to a message not loaded)' in i
                         for i in alice.items('Messages')))
    log('reply to a message not loaded: ok')

    for w in windows:
        wid = e2e.x_window_of(w.proc.pid)
        if wid:
            e2e.screenshot(os.path.join(args.artifacts, f'e2e-reply-{w.label}.png'), wid)


if __name__ == '__main__':
    sys.exit(main())
