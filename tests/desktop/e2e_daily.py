#!/usr/bin/python3
"""Daily use through the real Natter window, driven through AT-SPI and the keyboard (XTEST).

Run inside scripts/headless-session with HS_A11Y=1 (ctest: `ctest -R desktop_daily`):

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_daily.py \
        --natter build/ui/natter

Against a soketi it starts itself on free loopback ports (issue 12, defects 2, 10 and 14):
  1. the window title carries the unread total: alice shows #lobby while a pusher-js peer
     writes into #dev, one message at a time: "(1) Natter — #lobby — alice", "(2) …", "(3) …";
     clicking #dev in "Rooms" shows the messages and clears the count;
  2. drafts per room: text typed in #dev stays in #dev; after Ctrl+K → "lobby" → Enter the box
     is empty; a #lobby draft of its own; back in #dev (a click) the #dev draft is back, and the
     #lobby one in #lobby; Natter stopped (SIGTERM) and started again with the same settings:
     both drafts are still there, each in its room;
  3. Ctrl+K on a room not joined ("ops"): the picker says no joined room matches and offers
     "Join #ops"; Enter joins it: "Rooms" lists ops, the title says #ops, and a pusher-js peer
     in presence-ops sees alice arrive;
  4. screenshots (daily-*.png) go to $NATTER_ARTIFACT_DIR.
Exit 0 when every check passed, 1 on a failed check, 2 on a setup problem.
Every process it starts is stopped by its PID.
"""

import argparse
import os
import random
import signal
import string
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_chat as e2e  # noqa: E402  (its helpers: processes, soketi, AT-SPI)
from e2e_chat import Atspi, CheckFailed, SetupFailed, TEXT_ROLES, log, text_of, wait_for  # noqa: E402
from e2e_notify import Peer, window_title  # noqa: E402  (a pusher-js peer in any room)
from gi.repository import GLib  # noqa: E402

DASH = '\u2014'


class FocusWatch:
    """Focus events from AT-SPI. Qt leaves popups (the room picker is one) out of the
    application's children, so a screen reader, and this test, meet them by their focus events."""

    def __init__(self):
        self.focused = []
        self.listener = Atspi.EventListener.new(self._on_event)
        self.listener.register('object:state-changed:focused')

    def _on_event(self, event):
        if event.detail1:
            self.focused.append(event.source)

    def pump(self):
        ctx = GLib.MainContext.default()
        while ctx.pending():
            ctx.iteration(False)

    def find(self, pid, name):
        self.pump()
        for acc in reversed(self.focused):
            try:
                if acc.get_process_id() == pid and acc.get_name() == name and e2e.is_showing(acc):
                    return acc
            except GLib.Error:
                continue
        return None


def title_for(room, unread=0):
    title = f'Natter {DASH} #{room} {DASH} alice'
    return f'({unread}) {title}' if unread else title


class Natter:
    """alice's Natter: started (and started again) with the same settings and state dirs."""

    def __init__(self, args, procs, logdir, soketi, home):
        self.args = args
        self.procs = procs
        self.logdir = logdir
        self.soketi = soketi
        self.home = home
        self.runs = 0
        self.w = None
        self.focus = FocusWatch()

    def start(self):
        env = dict(os.environ)
        for sub in ('config', 'data', 'cache'):
            os.makedirs(os.path.join(self.home, sub), exist_ok=True)
        env.update({'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
                    'XDG_DATA_HOME': os.path.join(self.home, 'data'),
                    'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
                    'NATTER_SECRET': 'app-secret'})
        env.pop('QT_QPA_PLATFORM', None)
        self.runs += 1
        out = open(os.path.join(self.logdir, f'daily-alice-{self.runs}.log'), 'wb')
        p = self.procs.start(f'natter alice #{self.runs}', [
            self.args.natter, '--host', '127.0.0.1', '--port', str(self.soketi.port), '--no-tls',
            '--key', 'app-key', '--user', 'alice', '--room', 'lobby', '--room', 'dev',
            '--new-instance'], env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        self.w = e2e.Window('alice', p)
        self.w.attach()
        wait_for('alice: Connected', lambda: self.w.status().startswith('Connected'), timeout=30)
        for room in ('lobby', 'dev'):
            wait_for(f'alice: "Rooms" to list {room}',
                     lambda room=room: room in ' '.join(self.w.items('Rooms')))
        wid = e2e.x_window_of(p.pid)
        if not wid:
            raise SetupFailed('no X window for natter')
        subprocess.run(['xdotool', 'windowsize', wid, '1000', '700'], timeout=10)
        subprocess.run(['xdotool', 'windowmove', wid, '0', '0'], timeout=10)
        self.wid = wid
        return self.w

    def stop(self):
        p = self.w.proc
        p.send_signal(signal.SIGTERM)
        try:
            rc = p.wait(15)
        except subprocess.TimeoutExpired:
            raise CheckFailed('alice: Natter did not quit within 15 s of SIGTERM')
        log(f'alice: Natter quit with {rc}')
        if rc != 0:
            raise CheckFailed(f'alice: Natter quit with {rc} on SIGTERM')

    def title(self):
        return window_title(self.w.proc.pid)

    def wait_title(self, expected, timeout=15):
        wait_for(f'the window title {expected!r}', lambda: self.title() == expected, timeout=timeout)
        log(f'title: {self.title()!r}')

    def composer(self):
        return text_of(self.w.get('Message', roles=TEXT_ROLES))

    def keys(self, *keys):
        subprocess.run(['xdotool', 'windowfocus', '--sync', self.wid], timeout=10)
        subprocess.run(['xdotool', 'key', '--clearmodifiers', *keys], timeout=10)

    def type(self, text):
        subprocess.run(['xdotool', 'type', '--delay', '30', text], timeout=20)

    def click_room(self, room):
        """A mouse click on the room's row in "Rooms", where AT-SPI says it is on the screen."""
        lst = self.w.get('Rooms', roles=e2e.LIST_ROLES)
        lst.clear_cache()
        for item in e2e.children(lst):
            name = item.get_name() or text_of(item)
            if name.split()[:1] == [room] or name.startswith(f'#{room}') or name.startswith(f'{room} '):
                r = Atspi.Component.get_extents(item, Atspi.CoordType.SCREEN)
                x, y = r.x + min(40, r.width // 2), r.y + r.height // 2
                subprocess.run(['xdotool', 'mousemove', str(x), str(y), 'click', '1'],
                               timeout=10)
                return
        raise CheckFailed(f'alice: no row for {room!r} in "Rooms": {self.w.items("Rooms")}')

    def picker(self):
        """Ctrl+K: the room picker, as its focused "Room filter" field."""
        self.focus.focused.clear()
        self.keys('ctrl+k')
        return wait_for('the room picker\'s "Room filter" focused',
                        lambda: self.focus.find(self.w.proc.pid, 'Room filter'), timeout=10)

    def jump(self, text):
        """Ctrl+K, the name typed into the picker, Enter."""
        field = self.picker()
        self.type(text)
        wait_for(f'the room filter to hold {text!r}', lambda: text_of(field) == text, timeout=10)
        subprocess.run(['xdotool', 'key', 'Return'], timeout=10)
        wait_for('the room picker to close', lambda: not e2e.is_showing(field), timeout=10)

    def screenshot(self, name):
        subprocess.run(['xdotool', 'windowraise', self.wid], timeout=10)
        time.sleep(0.3)
        e2e.screenshot(os.path.join(self.args.artifacts, name), self.wid)


def run(args, procs, windows, logdir):
    token = ''.join(random.choices(string.ascii_lowercase + string.digits, k=6))
    soketi = e2e.Soketi(procs, args.node, logdir)
    soketi.start()
    Atspi.init()
    home = os.path.join(os.environ.get('HS_WORK') or os.environ.get('XDG_RUNTIME_DIR') or '/tmp',
                        f'daily-alice-{token}')
    natter = Natter(args, procs, logdir, soketi, home)
    w = natter.start()
    windows.append(w)
    natter.wait_title(title_for('lobby'))

    # --- 1. the unread total in the title, rising, cleared when read ---
    pj = Peer(procs, args.node, soketi.port, 'pj', 'dev')
    pj.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    texts = [f'dev news {i} {token}' for i in (1, 2, 3)]
    for i, text in enumerate(texts, 1):
        pj.say(text)
        natter.wait_title(title_for('lobby', i))
    natter.screenshot('daily-title-unread.png')
    natter.click_room('dev')
    natter.wait_title(title_for('dev'))
    wait_for('alice: the three #dev messages in "Messages"',
             lambda: all(e2e.count_in(w.items('Messages'), t) == 1 for t in texts), timeout=10)
    log('unread total in the title: ok')

    # --- 2. drafts per room, across a restart ---
    dev_draft = f'half a thought for dev {token}'
    lobby_draft = f'lobby draft {token}'
    w.set_text('Message', dev_draft)
    wait_for('the #dev draft in the box', lambda: natter.composer() == dev_draft, timeout=5)
    natter.jump('lobby')
    natter.wait_title(title_for('lobby'))
    wait_for('an empty box in #lobby (the #dev draft stays in #dev)',
             lambda: natter.composer() == '', timeout=5)
    w.set_text('Message', lobby_draft)
    wait_for('the #lobby draft in the box', lambda: natter.composer() == lobby_draft, timeout=5)
    natter.click_room('dev')
    natter.wait_title(title_for('dev'))
    wait_for('the #dev draft restored in #dev', lambda: natter.composer() == dev_draft, timeout=5)
    natter.screenshot('daily-draft-dev.png')
    natter.click_room('lobby')
    natter.wait_title(title_for('lobby'))
    wait_for('the #lobby draft restored in #lobby', lambda: natter.composer() == lobby_draft, timeout=5)
    if any(dev_draft in i or lobby_draft in i for i in w.items('Messages')):
        raise CheckFailed('a draft was sent as a message')
    log('drafts per room: ok; restarting Natter')

    natter.stop()
    windows.remove(w)
    w = natter.start()
    windows.append(w)
    natter.wait_title(title_for('lobby'))
    wait_for('the #lobby draft after the restart', lambda: natter.composer() == lobby_draft, timeout=10)
    natter.click_room('dev')
    natter.wait_title(title_for('dev'))
    wait_for('the #dev draft after the restart', lambda: natter.composer() == dev_draft, timeout=10)
    log('drafts across a restart: ok')

    # --- 3. Ctrl+K on a room not joined offers "Join #ops" ---
    po = Peer(procs, args.node, soketi.port, 'po', 'ops')
    po.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    field = natter.picker()
    picker = field.get_parent()
    natter.type('ops')
    wait_for('the room filter to hold "ops"', lambda: text_of(field) == 'ops', timeout=10)

    def shown(role, pred):
        picker.clear_cache()
        for acc, _ in e2e.walk(picker, into_lists=True):
            if e2e.role_name(acc) in role and e2e.is_showing(acc) and pred(acc):
                return acc
        return None
    join = wait_for('"Join #ops" offered in the picker',
                    lambda: shown(e2e.BUTTON_ROLES, lambda a: a.get_name() == 'Join #ops'), timeout=10)
    line = wait_for('the picker saying no joined room matches “ops”',
                    lambda: shown(('label',), lambda a: '\u201cops\u201d' in text_of(a)), timeout=5)
    rows = shown(('list item',), lambda a: True)
    if rows is not None:
        raise CheckFailed(f'the picker lists {rows.get_name()!r} for "ops"')
    log(f'picker: {text_of(line)!r}, button {join.get_name()!r}')
    time.sleep(0.3)
    e2e.screenshot(os.path.join(args.artifacts, 'daily-ctrl-k-join.png'))
    subprocess.run(['xdotool', 'key', 'Return'], timeout=10)
    natter.wait_title(title_for('ops'))
    wait_for('alice: "Rooms" to list ops', lambda: 'ops' in ' '.join(w.items('Rooms')))
    po.wait_line('alice arriving in presence-ops',
                 lambda o: o.get('type') == 'member_added' and o.get('id') == 'alice')
    if e2e.is_showing(field):
        raise CheckFailed('the room picker is still open after joining')
    wait_for('an empty box in the new room #ops', lambda: natter.composer() == '', timeout=5)
    natter.screenshot('daily-joined-ops.png')
    log('Ctrl+K join: ok')
    pj.command('quit')
    po.command('quit')


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
            e2e.screenshot(os.path.join(args.artifacts, 'daily-failure.png'))
        procs.stop_all()
        if rc != 0:
            for name in sorted(os.listdir(logdir)):
                if name.startswith('daily-alice-'):
                    with open(os.path.join(logdir, name), errors='replace') as f:
                        print(f'--- last lines of {name}:\n' + ''.join(f.readlines()[-25:]), flush=True)
    return rc


if __name__ == '__main__':
    sys.exit(main())
