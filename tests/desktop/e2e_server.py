#!/usr/bin/python3
"""End-to-end chat through natter-server (the run command's stack), driven through AT-SPI.

Run inside scripts/headless-session with HS_A11Y=1 (ctest: `ctest -R desktop_e2e_server`), with
Debian's /usr/bin/python3 (it has gi/Atspi):

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_server.py \
        --natter build/ui/natter --server build/server/natter-server

What it does, against a soketi and a natter-server it starts itself on free loopback ports
(SQLite in a temp dir; only the server has the app secret):
  1. two Natter windows, alice and bob, log in by name (`natter --server URL --user NAME`), no
     secret in their environment;
  2. each sees the other in "Who's Online"; messages both ways;
  3. a late joiner, carol, sees the earlier messages (history from the server);
  4. soketi is stopped; alice sends a message meanwhile (stored by natter-server); soketi
     restarts on the same port: bob and carol show it exactly once, after the server's retry or
     their gap fill, whichever comes first;
  5. screenshots to $NATTER_ARTIFACT_DIR (default build/test-artifacts).
Exit 0 when every check passed, 1 on a failed check, 2 on a setup problem.
Every process it starts is stopped by its PID.
"""

import argparse
import os
import random
import re
import signal
import string
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_chat as e2e  # noqa: E402  (helpers: processes, soketi, AT-SPI windows)
from e2e_chat import (BUTTON_ROLES, WHO, Atspi, CheckFailed, Procs, SetupFailed, Soketi,  # noqa: E402
                      Window, count_in, log, screenshot, wait_for, x_window_of)


class NatterServer:
    """build/server/natter-server on 127.0.0.1:0; its URL from its 'listening on' line."""

    def __init__(self, procs, binary, logdir, dbdir):
        self.procs = procs
        self.binary = binary
        self.log_path = os.path.join(logdir, 'natter-server.log')
        self.db = os.path.join(dbdir, 'natter-server.sqlite')
        self.url = None
        self.proc = None

    def start(self, soketi_port):
        env = dict(os.environ)
        env.update({'NATTER_PUSHER_APP_ID': 'app-id', 'NATTER_PUSHER_KEY': 'app-key',
                    'NATTER_PUSHER_SECRET': 'app-secret', 'NATTER_PUSHER_HOST': '127.0.0.1',
                    'NATTER_PUSHER_PORT': str(soketi_port), 'NATTER_PUSHER_TLS': '0'})
        out = open(self.log_path, 'wb')
        self.proc = self.procs.start('natter-server', [
            self.binary, '--listen', '127.0.0.1:0', '--database', 'sqlite://' + self.db],
            env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)

        def listening():
            if self.proc.poll() is not None:
                raise SetupFailed(f'natter-server exited with {self.proc.returncode}')
            with open(self.log_path, errors='replace') as f:
                m = re.search(r'^natter-server: listening on (http://127\.0\.0\.1:\d+)$', f.read(), re.M)
            return m.group(1) if m else None
        try:
            self.url = wait_for('natter-server to listen', listening, timeout=20)
            wait_for('natter-server /healthz', self.healthy, timeout=20)
        except CheckFailed as e:
            raise SetupFailed(str(e))
        log(f'natter-server up at {self.url}')

    def healthy(self):
        try:
            with urllib.request.urlopen(self.url + '/healthz', timeout=1) as r:
                return r.status == 200
        except OSError:
            return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--natter', default=os.environ.get('NATTER_BIN', os.path.join(e2e.ROOT, 'build/ui/natter')))
    ap.add_argument('--server', default=os.environ.get('NATTER_SERVER_BIN',
                                                       os.path.join(e2e.ROOT, 'build/server/natter-server')))
    ap.add_argument('--node', default=os.environ.get('NATTER_NODE', 'node'))
    ap.add_argument('--artifacts', default=os.environ.get('NATTER_ARTIFACT_DIR',
                                                          os.path.join(e2e.ROOT, 'build/test-artifacts')))
    args = ap.parse_args()

    if not os.environ.get('DISPLAY') or os.environ.get('QT_LINUX_ACCESSIBILITY_ALWAYS_ON') != '1':
        print('run me under HS_A11Y=1 scripts/headless-session', file=sys.stderr)
        return 2
    for path in (args.natter, args.server):
        if not os.access(path, os.X_OK):
            print(f'not built: {path}', file=sys.stderr)
            return 2
    os.makedirs(args.artifacts, exist_ok=True)
    logdir = os.path.join(args.artifacts, 'e2e-server-logs')
    os.makedirs(logdir, exist_ok=True)

    procs = Procs()
    windows = []
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    rc = 0
    with tempfile.TemporaryDirectory(prefix='natter-e2e-server-') as work:
        os.chmod(work, 0o700)
        try:
            run(args, procs, windows, logdir, work)
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
                screenshot(os.path.join(args.artifacts, 'e2e-server-failure.png'))
            procs.stop_all()
            if rc != 0:
                for name in [w.label for w in windows] + ['natter-server']:
                    path = os.path.join(logdir, f'{name}.log')
                    if os.path.exists(path):
                        with open(path, errors='replace') as f:
                            tail = f.readlines()[-25:]
                        print(f'--- last lines of {path}:\n' + ''.join(tail), flush=True)
    return rc


def start_window(args, procs, logdir, work, url, user):
    env = dict(os.environ)
    home = os.path.join(work, user)
    for sub in ('config', 'data', 'cache'):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
    env.update({'XDG_CONFIG_HOME': os.path.join(home, 'config'),
                'XDG_DATA_HOME': os.path.join(home, 'data'),
                'XDG_CACHE_HOME': os.path.join(home, 'cache')})
    for var in ('QT_QPA_PLATFORM', 'NATTER_SECRET', 'NATTER_PUSHER_SECRET'):
        env.pop(var, None)  # the client holds no secret
    out = open(os.path.join(logdir, f'{user}.log'), 'wb')
    p = procs.start(f'natter {user}', [
        args.natter, '--server', url, '--user', user, '--room', 'lobby', '--new-instance',
        '--log-level', 'info'],
        env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    w = Window(user, p)
    w.attach()
    return w


def place(windows):
    # Three windows side by side, each wide enough (≥ 760 px) to keep Who's Online: narrower
    # windows collapse it (see ChatPage::MembersMinPageWidth). The screen is 2600 px wide for it.
    for i, w in enumerate(windows):
        wid = x_window_of(w.proc.pid)
        if wid:
            subprocess.run(['xdotool', 'windowsize', wid, '860', '700'], timeout=10)
            subprocess.run(['xdotool', 'windowmove', wid, str(i * 866), '0'], timeout=10)


def connected(w):
    s = w.status()
    return s if s.startswith('Connected') else None


def online(w, who):
    return any(who in i.lower() for i in w.items(WHO))


def logged_in(w):
    login = w.get('Log in', required=False, roles=BUTTON_ROLES)
    if login is not None:
        raise CheckFailed(f'{w.label}: the login page is shown; --server/--user should log in'
                          + '\n' + w.dump())
    wait_for(f'{w.label}: "Connection status" to say Connected', lambda: connected(w), timeout=30)
    wait_for(f'{w.label}: "Rooms" to list lobby', lambda: 'lobby' in ' '.join(w.items('Rooms')))


def run(args, procs, windows, logdir, work):
    token = ''.join(random.choices(string.ascii_lowercase + string.digits, k=6))
    soketi = Soketi(procs, args.node, logdir)
    soketi.start()
    server = NatterServer(procs, args.server, logdir, work)
    server.start(soketi.port)

    Atspi.init()
    for user in ('alice', 'bob'):
        windows.append(start_window(args, procs, logdir, work, server.url, user))
    alice, bob = windows
    place(windows)
    for w in windows:
        with open(f'/proc/{w.proc.pid}/environ', 'rb') as f:
            if b'app-secret' in f.read():
                raise CheckFailed(f'{w.label}: the app secret is in Natter\'s environment')
        logged_in(w)

    # --- presence and messages both ways ---
    wait_for("alice: bob in Who's Online", lambda: online(alice, 'bob'))
    wait_for("bob: alice in Who's Online", lambda: online(bob, 'alice'))
    a1 = f'hello bob, alice here {token}-a1'
    b1 = f'hi alice, bob here {token}-b1'
    alice.send(a1)
    wait_for("bob: alice's message", lambda: count_in(bob.items('Messages'), a1) >= 1)
    bob.send(b1)
    wait_for("alice: bob's message", lambda: count_in(alice.items('Messages'), b1) >= 1)
    log('messages both ways through natter-server: ok')

    # --- a late joiner sees the history ---
    carol = start_window(args, procs, logdir, work, server.url, 'carol')
    windows.append(carol)
    place(windows)
    logged_in(carol)
    wait_for('carol: the earlier messages from the server\'s history',
             lambda: count_in(carol.items('Messages'), a1) == 1 and count_in(carol.items('Messages'), b1) == 1)
    wait_for("alice: carol in Who's Online", lambda: online(alice, 'carol'))
    log('late joiner sees history: ok')
    time.sleep(0.5)
    screenshot(os.path.join(args.artifacts, 'e2e-server-three.png'))

    # --- soketi down: a message sent meanwhile is stored and delivered once after ---
    soketi.stop()
    for w in windows:
        wait_for(f'{w.label}: "Connection status" to say reconnecting',
                 lambda w=w: re.search('reconnect', w.status(), re.I), timeout=30)
    a2 = f'sent while soketi was down {token}-a2'
    alice.send(a2)
    wait_for('alice: the message shown', lambda: count_in(alice.items('Messages'), a2) == 1, timeout=10)
    time.sleep(1.5)  # the POST reaches natter-server, which cannot trigger: stored, undelivered
    screenshot(os.path.join(args.artifacts, 'e2e-server-soketi-down.png'))
    soketi.start(soketi.port)
    for w in windows:
        wait_for(f'{w.label}: Connected again', lambda w=w: connected(w), timeout=60)
    for w in (bob, carol):
        wait_for(f'{w.label}: the message alice sent while soketi was down',
                 lambda w=w: count_in(w.items('Messages'), a2) >= 1, timeout=40)
    c1 = f'carol is back {token}-c1'
    carol.send(c1)
    for w in (alice, bob):
        wait_for(f"{w.label}: carol's message after the restart",
                 lambda w=w: count_in(w.items('Messages'), c1) >= 1, timeout=20)
    time.sleep(2.0)  # let a duplicate (server retry and gap fill both) arrive before counting
    for w in windows:
        items = w.items('Messages')
        for t in (a1, b1, a2, c1):
            n = count_in(items, t)
            if n != 1:
                raise CheckFailed(f'{w.label}: {t!r} shown {n} times (expected once): {items}')
        log(f'{w.label}: {len(items)} messages, each exactly once')
    log('outage: stored, delivered once: ok')

    screenshot(os.path.join(args.artifacts, 'e2e-server-desktop.png'))
    for w in windows:
        wid = x_window_of(w.proc.pid)
        if wid:
            subprocess.run(['xdotool', 'windowraise', wid], timeout=10)
            time.sleep(0.3)
            screenshot(os.path.join(args.artifacts, f'e2e-server-{w.label}.png'), wid)


if __name__ == '__main__':
    sys.exit(main())
