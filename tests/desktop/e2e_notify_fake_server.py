#!/usr/bin/python3
"""Notifications through servers dunst cannot stand in for, end to end (inside
scripts/headless-session with HS_A11Y=1), with tests/desktop/fake_notification_server.py:

  --mode reply    a notification server that advertises "inline-reply" (as KDE Plasma's does)
                  replaces dunst on the session bus. A pusher-js peer writes into #dev, which
                  alice's Natter does not show; "Allow notifications" pressed through AT-SPI ->
                  the Notify call carries the "inline-reply" action ("Reply") besides default /
                  mark-read / block-origin, and the sender's avatar (image-data); the server
                  then emits NotificationReplied(id, text) -> the peer in #dev receives that text
                  from alice, sent through Natter's outbox.
  --mode portal   Natter runs with NOTIFY_FORCE_PORTAL=1, which makes libnotify 0.8 behave as
                  inside a Flatpak/Snap sandbox and talk to org.freedesktop.portal.Notification
                  (the fake portal) instead of the notification server: the message arrives as an
                  AddNotification (title, body) and none reaches dunst; the portal's
                  ActionInvoked(id, "default") switches the window to #dev.

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_notify_fake_server.py \
        --natter build/ui/natter --mode reply|portal
Exit 0 when every check passed, 1 on a failed check, 2 on a setup problem.
"""

import argparse
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_chat as e2e  # noqa: E402
from e2e_chat import BUTTON_ROLES, CheckFailed, Procs, SetupFailed, log, wait_for  # noqa: E402
from e2e_notify import Peer, notify_calls, start_natter, window_title  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class FakeServer:
    def __init__(self, procs, mode, logdir):
        self.calls = []
        self.queue = queue.Queue()
        self.proc = procs.start(f'fake notification server ({mode})', [
            '/usr/bin/python3', os.path.join(HERE, 'fake_notification_server.py'), '--mode', mode],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=open(os.path.join(logdir, f'fake-{mode}.err'), 'wb'), text=True)
        if self.proc.stdout.readline().strip() != 'ready':
            raise SetupFailed(f'the fake {mode} server did not start')
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            try:
                self.queue.put(json.loads(line))
            except ValueError:
                pass

    def call(self, what, pred, timeout=15):
        def find():
            while True:
                try:
                    self.calls.append(self.queue.get_nowait())
                except queue.Empty:
                    break
            return [c for c in self.calls if pred(c)]
        return wait_for(what, find, timeout=timeout)[0]

    def command(self, text):
        self.proc.stdin.write(text + '\n')
        self.proc.stdin.flush()


def name_owner_pid(name):
    out = subprocess.run(['dbus-send', '--session', '--print-reply=literal', '--dest=org.freedesktop.DBus',
                          '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetConnectionUnixProcessID',
                          f'string:{name}'], capture_output=True, text=True, timeout=10).stdout.split()
    return int(out[-1]) if out else None


def allow_in_prompt(alice, pj, text):
    pj.say(text)
    wait_for('the prompt bar ("Allow notifications")',
             lambda: alice.get('Allow notifications', required=False, roles=BUTTON_ROLES), timeout=15)
    alice.press('Allow notifications')


def run_reply(args, procs, windows, logdir, soketi, token):
    # dunst owns org.freedesktop.Notifications and cannot give it up: stop it (by the PID the bus
    # reports: the session's own dunst), then the fake takes the name.
    dunst = name_owner_pid('org.freedesktop.Notifications')
    if not dunst:
        raise SetupFailed('no notification server to replace')
    os.kill(dunst, signal.SIGTERM)
    wait_for('dunst to release org.freedesktop.Notifications',
             lambda: name_owner_pid('org.freedesktop.Notifications') is None, timeout=10)
    server = FakeServer(procs, 'freedesktop', logdir)
    alice = start_natter(procs, args, logdir, soketi, 'alice', ['lobby', 'dev'], token)
    windows.append(alice)
    pj = Peer(procs, args.node, soketi.port, 'pj', 'dev')
    pj.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    allow_in_prompt(alice, pj, f'can you reply {token}')
    n = server.call('a Notify for #dev', lambda c: c['call'] == 'Notify' and c['summary'] == 'pj in #dev')
    log(f'Notify: {n}')
    problems = []
    actions = dict(zip(n['actions'][::2], n['actions'][1::2]))
    if actions.get('inline-reply') != 'Reply':
        problems.append(f'no inline-reply action labelled "Reply" in {n["actions"]}')
    for a in ('default', 'mark-read', 'block-origin'):
        if a not in actions:
            problems.append(f'action {a!r} missing from {n["actions"]}')
    if n['image'] is None or n['image'][:2] != [64, 64]:
        problems.append(f'image-data {n["image"]!r}, expected a 64 x 64 avatar')
    if problems:
        raise CheckFailed('; '.join(problems))
    reply = f'replied from the notification {token}'
    server.command(f'reply {n["id"]} {reply}')
    # user_id: set by the server on a presence channel's client events, so it is alice's own.
    got = pj.wait_line("alice's reply in #dev", lambda o: o.get('type') == 'event'
                       and reply in json.dumps(o.get('data')) and o.get('user_id') == 'alice', timeout=15)
    log(f'inline reply: NotificationReplied({n["id"]}) -> the peer in #dev received {got}')


def run_portal(args, procs, windows, logdir, soketi, token):
    server = FakeServer(procs, 'portal', logdir)
    alice = start_natter(procs, args, logdir, soketi, 'alice', ['lobby', 'dev'], token,
                         extra_env={'NOTIFY_FORCE_PORTAL': '1'})
    windows.append(alice)
    wait_for('alice shows #lobby', lambda: '#lobby' in window_title(alice.proc.pid), timeout=10)
    pj = Peer(procs, args.node, soketi.port, 'pj', 'dev')
    pj.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    text = f'through the portal {token}'
    allow_in_prompt(alice, pj, text)
    add = server.call('an AddNotification for #dev', lambda c: c['call'] == 'AddNotification'
                      and c['notification'].get('title') == 'pj in #dev')
    log(f'AddNotification: {add}')
    body = add['notification'].get('body', '')
    if text not in body:
        raise CheckFailed(f'portal notification body {body!r} lacks the message')
    time.sleep(0.5)
    direct = [c for c in notify_calls(os.environ.get('HS_DBUS_MONITOR_LOG', '')) if text in (c['body'] or '')]
    if direct:
        raise CheckFailed(f'the notification also went to the notification server directly: {direct}')
    server.command(f'action {add["id"]} default')
    wait_for('alice to show #dev after the portal\'s default action',
             lambda: '#dev' in window_title(alice.proc.pid), timeout=10)
    log('portal: AddNotification received, nothing sent to dunst, ActionInvoked "default" opened #dev')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--natter', default=os.environ.get('NATTER_BIN', os.path.join(e2e.ROOT, 'build/ui/natter')))
    ap.add_argument('--node', default=os.environ.get('NATTER_NODE', 'node'))
    ap.add_argument('--mode', choices=('reply', 'portal'), required=True)
    ap.add_argument('--artifacts', default=os.environ.get('NATTER_ARTIFACT_DIR',
                                                          os.path.join(e2e.ROOT, 'build/test-artifacts')))
    args = ap.parse_args()
    if not os.environ.get('DISPLAY') or os.environ.get('QT_LINUX_ACCESSIBILITY_ALWAYS_ON') != '1':
        print('run me under HS_A11Y=1 scripts/headless-session', file=sys.stderr)
        return 2
    logdir = os.path.join(args.artifacts, f'notify-{args.mode}-logs')
    os.makedirs(logdir, exist_ok=True)
    procs = Procs()
    windows = []
    rc = 0
    try:
        token = ''.join(__import__('random').choices('abcdefghijklmnopqrstuvwxyz0123456789', k=6))
        soketi = e2e.Soketi(procs, args.node, logdir)
        soketi.start()
        e2e.Atspi.init()
        (run_reply if args.mode == 'reply' else run_portal)(args, procs, windows, logdir, soketi, token)
        log('ALL CHECKS PASSED')
    except CheckFailed as e:
        log(f'CHECK FAILED: {e}')
        rc = 1
    except SetupFailed as e:
        log(f'SETUP FAILED: {e}')
        rc = 2
    finally:
        if rc != 0:
            for w in windows:
                if w.app is not None and w.proc.poll() is None:
                    print(w.dump(), flush=True)
        procs.stop_all()
        if rc != 0:
            for w in windows:
                path = os.path.join(logdir, f'notify-{w.label}.log')
                if os.path.exists(path):
                    with open(path, errors='replace') as f:
                        print(f'--- {path}:\n' + ''.join(f.readlines()[-25:]), flush=True)
    return rc


if __name__ == '__main__':
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    sys.exit(main())
