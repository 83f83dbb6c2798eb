#!/usr/bin/python3
"""The tray, end to end (inside scripts/headless-session, HS_A11Y=1):

  with a tray host (HS_TRAY=trayer, an XEmbed tray):
    two messages from a pusher-js peer into a room that is not shown -> the tray icon's tooltip,
    read from outside through AT-SPI (the XEmbed icon is a Qt widget whose tooltip is its
    accessible description), is "Natter — 2 unread"; a screenshot shows the painted count;
    closing the window (WM_DELETE_WINDOW, as a window manager sends it) hides it to the tray:
    the process keeps running;
  without one (--no-tray, HS_TRAY=none): closing the window quits Natter (exit 0).

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_tray.py \
        --natter build/ui/natter --wm-close build/tests/desktop_wm_close [--no-tray]
"""

import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_chat as e2e  # noqa: E402
from e2e_chat import CheckFailed, Procs, SetupFailed, log, screenshot, wait_for  # noqa: E402
from e2e_notify import Peer, start_natter  # noqa: E402


def descriptions(app):
    out = []
    app.clear_cache()
    for acc, _ in e2e.walk(app, into_lists=False, max_depth=4):
        try:
            d = acc.get_description()
        except Exception:  # noqa: BLE001 - a widget may go away mid-walk
            continue
        if d:
            out.append(d)
    return out


def run(args, procs, windows, logdir):
    soketi = e2e.Soketi(procs, args.node, logdir)
    soketi.start()
    e2e.Atspi.init()
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
        tip = wait_for('a tray icon whose tooltip says "2 unread"',
                       lambda: [d for d in descriptions(alice.app) if '2 unread' in d], timeout=15)
        if tip[0] != 'Natter — 2 unread':
            raise CheckFailed(f'tray tooltip {tip[0]!r}, expected "Natter — 2 unread"')
        log(f'tray tooltip: {tip[0]!r}')
        time.sleep(0.5)
        screenshot(os.path.join(args.artifacts, 'tray-unread.png'))

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
