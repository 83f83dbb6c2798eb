#!/usr/bin/python3
"""The tray, end to end (inside scripts/headless-session, HS_A11Y=1):

  with a tray host (a StatusNotifierWatcher, tests/desktop/sni_watcher.py, so that Qt exports the
    icon as a StatusNotifierItem):
    two messages from a pusher-js peer into a room that is not shown -> the item's ToolTip
    property, read over D-Bus as a tray host reads it, is "Natter — 2 unread";
    closing the window (WM_DELETE_WINDOW, as a window manager sends it) hides it to the tray:
    the process keeps running;
  without one (--no-tray, HS_TRAY=none): closing the window quits Natter (exit 0).

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_tray.py \
        --natter build/ui/natter --wm-close build/tests/desktop_wm_close [--no-tray]
"""

import argparse
import os
import queue
import re
import subprocess
import threading
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_chat as e2e  # noqa: E402
from e2e_chat import CheckFailed, Procs, SetupFailed, log, screenshot, wait_for  # noqa: E402
from e2e_notify import Peer, start_natter  # noqa: E402


def item_tooltip(name, path):
    """The title of a StatusNotifierItem's ToolTip (icon, pixmaps, title, text), as a host sees it."""
    out = subprocess.run(['dbus-send', '--session', '--print-reply', f'--dest={name}', path,
                          'org.freedesktop.DBus.Properties.Get', 'string:org.kde.StatusNotifierItem',
                          'string:ToolTip'], capture_output=True, text=True, timeout=10).stdout
    strings = re.findall(r'string "([^"]*)"', out)
    return strings[1] if len(strings) > 1 else None


def run(args, procs, windows, logdir):
    soketi = e2e.Soketi(procs, args.node, logdir)
    soketi.start()
    e2e.Atspi.init()
    items = queue.Queue()
    if not args.no_tray:
        watcher = procs.start('SNI watcher', ['/usr/bin/python3', os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'sni_watcher.py')], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
            text=True)
        if watcher.stdout.readline().strip() != 'ready':
            raise SetupFailed('the SNI watcher did not start')
        threading.Thread(target=lambda: [items.put(line.split()[1:]) for line in watcher.stdout
                                         if line.startswith('item ')], daemon=True).start()
    alice = start_natter(procs, args, logdir, soketi, 'alice', ['lobby', 'dev'], 'tray')
    windows.append(alice)
    wid = e2e.x_window_of(alice.proc.pid)
    if not wid:
        raise SetupFailed('no visible X window for natter')

    if not args.no_tray:
        pj = Peer(procs, args.node, soketi.port, 'pj', 'dev')
        pj.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
        pj.say('one')
        pj.say('two')
        try:
            name, path = items.get(timeout=15)
        except queue.Empty:
            raise CheckFailed('Natter registered no StatusNotifierItem although a tray host exists')
        log(f'tray item {name} {path}')
        tip = wait_for('the tray tooltip to say "2 unread"',
                       lambda: (item_tooltip(name, path) or '') if '2 unread' in (item_tooltip(name, path) or '')
                       else None, timeout=15)
        if tip != 'Natter — 2 unread':
            raise CheckFailed(f'tray tooltip {tip!r}, expected "Natter — 2 unread"')
        log(f'tray tooltip: {tip!r}')

    subprocess.run([args.wm_close, wid], timeout=10, check=True)
    if args.no_tray:
        rc = wait_for('natter to quit after its window closed (no tray)',
                      lambda: alice.proc.poll() is not None, timeout=10)
        if alice.proc.returncode != 0:
            raise CheckFailed(f'natter exited with {alice.proc.returncode}')
        log('no tray: closing the window quit Natter (exit 0)')
    else:
        wait_for('the window to be hidden', lambda: not e2e.x_window_of(alice.proc.pid), timeout=10)
        time.sleep(1.5)
        if alice.proc.poll() is not None:
            raise CheckFailed(f'natter quit ({alice.proc.returncode}) although a tray exists')
        log('tray: closing the window hid it, Natter still runs')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--natter', default=os.environ.get('NATTER_BIN', os.path.join(e2e.ROOT, 'build/ui/natter')))
    ap.add_argument('--wm-close', required=True)
    ap.add_argument('--node', default='node')
    ap.add_argument('--no-tray', action='store_true')
    ap.add_argument('--artifacts', default=os.environ.get('NATTER_ARTIFACT_DIR',
                                                          os.path.join(e2e.ROOT, 'build/test-artifacts')))
    args = ap.parse_args()
    if os.environ.get('QT_LINUX_ACCESSIBILITY_ALWAYS_ON') != '1':
        print('run me under HS_A11Y=1 scripts/headless-session', file=sys.stderr)
        return 2
    os.makedirs(args.artifacts, exist_ok=True)
    logdir = os.path.join(args.artifacts, 'tray-logs' + ('-none' if args.no_tray else ''))
    os.makedirs(logdir, exist_ok=True)
    procs = Procs()
    windows = []
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
    finally:
        if rc != 0:
            for w in windows:
                if w.app is not None and w.proc.poll() is None:
                    print(w.dump(), flush=True)
            screenshot(os.path.join(args.artifacts, 'tray-failure.png'))
        procs.stop_all()
    return rc


if __name__ == '__main__':
    sys.exit(main())
