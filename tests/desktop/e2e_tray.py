#!/usr/bin/python3
"""The tray, end to end (inside scripts/headless-session, HS_A11Y=1):

  with a tray host (a StatusNotifierWatcher, tests/desktop/sni_watcher.py, so that Qt exports the
    icon as a StatusNotifierItem):
    two messages from a pusher-js peer into a room that is not shown -> the item's ToolTip
    property, read over D-Bus as a tray host reads it, is "Natter — 2 unread";
    closing the window (WM_DELETE_WINDOW, as a window manager sends it) hides it to the tray:
    the process keeps running;
  without one (--no-tray, HS_TRAY=none): closing the window quits Natter (exit 0);
  with trayer, an XEmbed tray (--xembed, HS_TRAY=trayer): read from outside the process with
    xwininfo/xprop, a window of Natter's (its _NET_WM_PID) is embedded in trayer's window tree,
    mapped and icon-sized; after two messages into a room not shown, hovering it (xdotool) shows
    the tooltip "Natter — 2 unread", read through AT-SPI.

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_tray.py \
        --natter build/ui/natter --wm-close build/tests/desktop_wm_close [--no-tray]
    HS_A11Y=1 HS_TRAY=trayer scripts/headless-session /usr/bin/python3 tests/desktop/e2e_tray.py \
        --natter build/ui/natter --wm-close build/tests/desktop_wm_close --xembed
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


def x_prop(wid, name):
    out = subprocess.run(['xprop', '-id', wid, name], capture_output=True, text=True, timeout=10).stdout
    return out.split('=', 1)[1].strip() if '=' in out else None


def x_geometry(wid):
    out = subprocess.run(['xwininfo', '-id', wid], capture_output=True, text=True, timeout=10).stdout
    def field(label):
        m = re.search(rf'{label}:\s+(-?\d+)', out)
        return int(m.group(1)) if m else None
    return {'x': field('Absolute upper-left X'), 'y': field('Absolute upper-left Y'),
            'w': field('Width'), 'h': field('Height'), 'viewable': 'IsViewable' in out}


def embedded_icon(pid):
    """(trayer's top-level window, Natter's window embedded under it), or None: from the
    indentation of `xwininfo -root -tree`, a window of Natter's (_NET_WM_PID) whose top-level
    ancestor is of class "trayer" (its panel)."""
    out = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True, timeout=10).stdout
    stack = []  # (indent, id, rest of the line) of the current window's ancestors
    for line in out.splitlines():
        m = re.match(r'^(\s+)(0x[0-9a-f]+) (.*)$', line)
        if not m:
            continue
        indent = len(m.group(1))
        while stack and stack[-1][0] >= indent:
            stack.pop()
        top = stack[0] if stack else None
        stack.append((indent, m.group(2), m.group(3)))
        if top and re.search(r'\(\S+ "trayer"\)', top[2]) and x_prop(m.group(2), '_NET_WM_PID') == str(pid):
            return top[1], m.group(2)
    return None


def run_xembed(args, procs, windows, logdir):
    soketi = e2e.Soketi(procs, args.node, logdir)
    soketi.start()
    e2e.Atspi.init()
    if not subprocess.run(['xdotool', 'search', '--classname', 'trayer'], capture_output=True).stdout:
        raise SetupFailed('no trayer window: run me with HS_TRAY=trayer')
    alice = start_natter(procs, args, logdir, soketi, 'alice', ['lobby', 'dev'], 'xembed')
    windows.append(alice)
    found = wait_for('a Natter window embedded in trayer', lambda: embedded_icon(alice.proc.pid), timeout=15)
    trayer, icon = found
    geo = wait_for('the embedded icon mapped', lambda: (lambda g: g if g['viewable'] else None)(x_geometry(icon)),
                   timeout=10)
    xembed = x_prop(icon, '_XEMBED_INFO')
    log(f'tray icon window {icon} (pid {alice.proc.pid}) embedded in trayer {trayer}: {geo}, '
        f'_XEMBED_INFO {xembed}')
    if not xembed:
        raise CheckFailed(f'the window {icon} in the tray has no _XEMBED_INFO: not an XEmbed client')
    if not (8 <= geo['w'] <= 128 and 8 <= geo['h'] <= 128):
        raise CheckFailed(f'the embedded icon is {geo["w"]}x{geo["h"]}: not icon-sized')
    pj = Peer(procs, args.node, soketi.port, 'pj', 'dev')
    pj.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    pj.say('one')
    pj.say('two')
    time.sleep(1.0)  # both messages in before hovering (a tooltip is not updated while shown)

    def tooltip():
        # Hover again each time: a tooltip shown too early (one unread) hides after a while.
        subprocess.run(['xdotool', 'mousemove', str(geo['x'] + 300), str(geo['y'] - 200)], timeout=10)
        time.sleep(0.2)
        subprocess.run(['xdotool', 'mousemove', str(geo['x'] + geo['w'] // 2),
                        str(geo['y'] + geo['h'] // 2)], timeout=10)
        time.sleep(1.2)
        alice.app.clear_cache()
        # The tooltip is a top-level window of its own: only the top levels and their children.
        for top in e2e.children(alice.app):
            for acc in [top] + list(e2e.children(top)):
                try:
                    text = acc.get_name() or e2e.text_of(acc)
                except Exception:  # noqa: BLE001 (a window that went away meanwhile)
                    continue
                if text and 'unread' in text:
                    return text
        return None
    tip = wait_for('the tooltip of the XEmbed icon', tooltip, timeout=20, interval=0.5)
    screenshot(os.path.join(args.artifacts, 'tray-xembed-tooltip.png'))
    if tip != 'Natter — 2 unread':
        raise CheckFailed(f'XEmbed tray tooltip {tip!r}, expected "Natter — 2 unread"')
    log(f'XEmbed tray tooltip through AT-SPI: {tip!r}')


def run(args, procs, windows, logdir):
    if args.xembed:
        return run_xembed(args, procs, windows, logdir)
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
    ap.add_argument('--xembed', action='store_true', help='trayer (HS_TRAY=trayer): the XEmbed checks')
    ap.add_argument('--artifacts', default=os.environ.get('NATTER_ARTIFACT_DIR',
                                                          os.path.join(e2e.ROOT, 'build/test-artifacts')))
    args = ap.parse_args()
    if os.environ.get('QT_LINUX_ACCESSIBILITY_ALWAYS_ON') != '1':
        print('run me under HS_A11Y=1 scripts/headless-session', file=sys.stderr)
        return 2
    os.makedirs(args.artifacts, exist_ok=True)
    logdir = os.path.join(args.artifacts, 'tray-logs' + ('-none' if args.no_tray else '')
                          + ('-xembed' if args.xembed else ''))
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
