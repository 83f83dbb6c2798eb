#!/usr/bin/python3
"""Screenshots of the real window in English and German, checked through AT-SPI and X.

Run inside scripts/headless-session with HS_A11Y=1 (ctest: `ctest -R desktop_screens`):

    HS_A11Y=1 HS_SCREEN=1920x1080x24 scripts/headless-session /usr/bin/python3 \
        tests/desktop/e2e_screens.py --natter build/ui/natter

Against a soketi it starts itself on free loopback ports, with two pusher-js peers in #lobby that
talk (so the page shows messages and members), for English (LANGUAGE=en) and German
(LANGUAGE=de, LANG=de_DE.UTF-8: the window picks its translation from the locale):
  1. the chat page at 600×400 and at 1280×800: the X window and the AT-SPI frame really have that
     size, the page shows the peers' messages and Who's Online (at 1280×800; at 600×400 it
     steps aside), no horizontal scroll bar is showing anywhere in the window, the German window
     speaks German (its "Send" button is "Senden"); screenshots chat-LANG-WxH.png;
  2. Settings (Ctrl+,) in German: a window "Natter-Einstellungen" on the screen, no horizontal
     scroll bar, "Schließen" rather than "Close"; screenshot settings-de.png.
Screenshots go to $NATTER_ARTIFACT_DIR (default build/test-artifacts).
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
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_chat as e2e  # noqa: E402  (its helpers: processes, soketi, AT-SPI)
from e2e_chat import Atspi, CheckFailed, SetupFailed, log, wait_for  # noqa: E402
from e2e_notify import Peer  # noqa: E402  (a pusher-js peer in any room)

SIZES = ((600, 400), (1280, 800))
LANGS = {
    'en': {'LANGUAGE': 'en', 'LANG': 'C.UTF-8', 'send': 'Send', 'who': "Who's Online",
           'settings': 'Natter Settings', 'close': 'Close'},
    'de': {'LANGUAGE': 'de', 'LANG': 'de_DE.UTF-8', 'send': 'Senden', 'who': 'Wer ist online',
           'settings': 'Natter-Einstellungen', 'close': 'Schließen'},
}


def x_geometry(wid):
    out = subprocess.run(['xdotool', 'getwindowgeometry', wid], capture_output=True, text=True,
                         timeout=10).stdout
    m = re.search(r'Geometry:\s*(\d+)x(\d+)', out)
    return (int(m.group(1)), int(m.group(2))) if m else None


def x_window_named(name):
    out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', f'^{re.escape(name)}$'],
                         capture_output=True, text=True, timeout=10).stdout.split()
    return out[-1] if out else None


def frames(w):
    """The application's top-level windows (AT-SPI frames and dialogs) that are showing."""
    w.app.clear_cache()
    return [c for c in e2e.children(w.app)
            if e2e.role_name(c) in ('frame', 'dialog', 'window') and e2e.is_showing(c)]


def extents(acc):
    r = Atspi.Component.get_extents(acc, Atspi.CoordType.SCREEN)
    return r.x, r.y, r.width, r.height


def horizontal_scroll_bars(root):
    """Every showing horizontal scroll bar under `root`, with the widget it belongs to."""
    found = []
    for acc, _ in e2e.walk(root, into_lists=True, max_depth=18):
        if e2e.role_name(acc) != 'scroll bar' or not e2e.is_showing(acc):
            continue
        try:
            states = acc.get_state_set()
            horizontal = states.contains(Atspi.StateType.HORIZONTAL)
            if not horizontal and not states.contains(Atspi.StateType.VERTICAL):
                _, _, width, height = extents(acc)  # no orientation state: judge by shape
                horizontal = width > height
        except gi_error():
            continue
        if horizontal:
            parent = acc.get_parent()
            found.append(f'{e2e.role_name(parent)} {parent.get_name()!r}' if parent else '?')
    return found


def overflowing_rows(root):
    """Rows wider than their list. Qt 6.4 exposes no scroll bars of item views (lists) through
    AT-SPI, only their rows; a row reaching past the list's edge is what makes a list show a
    horizontal scroll bar."""
    found = []
    for acc, _ in e2e.walk(root, max_depth=18):
        if e2e.role_name(acc) not in e2e.LIST_ROLES or not e2e.is_showing(acc):
            continue
        try:
            lx, _, lw, _ = extents(acc)
            acc.clear_cache()
            for row in e2e.children(acc):
                if not e2e.is_showing(row):
                    continue
                x, _, width, _ = extents(row)
                if x < lx or x + width > lx + lw:
                    found.append(f'{acc.get_name()!r}: {row.get_name()!r} at x {x}..{x + width}, '
                                 f'the list {lx}..{lx + lw}')
        except gi_error():
            continue
    return found


def scroll_bars(root):
    """How many scroll bars AT-SPI shows under `root` at all (the check above must see some)."""
    return sum(1 for acc, _ in e2e.walk(root, into_lists=True, max_depth=18)
               if e2e.role_name(acc) == 'scroll bar')


def gi_error():
    return e2e.gi.repository.GLib.Error


def start_natter(args, procs, logdir, soketi, lang, token):
    env = dict(os.environ)
    home = os.path.join(os.environ.get('HS_WORK') or os.environ.get('XDG_RUNTIME_DIR') or '/tmp',
                        f'screens-{lang}-{token}')
    for sub in ('config', 'data', 'cache'):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
    env.update({'XDG_CONFIG_HOME': os.path.join(home, 'config'),
                'XDG_DATA_HOME': os.path.join(home, 'data'),
                'XDG_CACHE_HOME': os.path.join(home, 'cache'),
                'NATTER_SECRET': 'app-secret',
                'LANGUAGE': LANGS[lang]['LANGUAGE'], 'LANG': LANGS[lang]['LANG']})
    for var in ('LC_ALL', 'LC_MESSAGES', 'QT_QPA_PLATFORM'):
        env.pop(var, None)
    out = open(os.path.join(logdir, f'screens-{lang}.log'), 'wb')
    p = procs.start(f'natter alice ({lang})', [
        args.natter, '--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls',
        '--key', 'app-key', '--user', 'alice', '--room', 'lobby', '--room', 'dev',
        '--new-instance'], env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    w = e2e.Window('alice', p)
    # e2e.Window.attach waits for the English "Messages" list; German names it "Nachrichten".
    wait_for(f'alice ({lang}) on the accessibility bus', lambda: _found(w), timeout=30, interval=0.25)
    return w


def _found(w):
    if w.proc.poll() is not None:
        raise SetupFailed(f'natter exited with {w.proc.returncode}')
    w.app = w.find_app()
    return w.app is not None and frames(w)


def run(args, procs, windows, logdir):
    token = ''.join(random.choices(string.ascii_lowercase + string.digits, k=6))
    soketi = e2e.Soketi(procs, args.node, logdir)
    soketi.start()
    Atspi.init()
    peers = [Peer(procs, args.node, soketi.port, who, 'lobby') for who in ('pj', 'dora')]
    for peer in peers:
        peer.wait_line('subscription', lambda o: o.get('type') == 'subscribed')

    for lang, words in LANGS.items():
        w = start_natter(args, procs, logdir, soketi, lang, token)
        windows.append(w)
        send = wait_for(f'{lang}: the "{words["send"]}" button',
                        lambda: w.get(words['send'], required=False, roles=e2e.BUTTON_ROLES),
                        timeout=30)
        wid = wait_for(f'{lang}: an X window for natter', lambda: e2e.x_window_of(w.proc.pid))
        subprocess.run(['xdotool', 'windowmove', wid, '0', '0'], timeout=10)
        subprocess.run(['xdotool', 'windowsize', wid, '1280', '800'], timeout=10)
        main = frames(w)[0]
        who_title = words['who']
        wait_for(f'{lang}: pj and dora in {who_title!r}',
                 lambda: all(any(p in i for i in _members(w, who_title)) for p in ('pj', 'dora')),
                 timeout=30)
        # Messages from the peers (client events are not stored: said now that alice is in).
        lines = [f'{peer.user_id} here, hello alice ({lang}) {token}' for peer in peers]
        lines.append(f'pj again with a longer line that has to wrap at the small window size: '
                     f'{"lorem ipsum dolor sit amet " * 4}{token}')
        for text, peer in zip(lines, peers + [peers[0]]):
            peer.say(text)
        messages_list = _list_named(w, ('Messages', 'Nachrichten'))
        wait_for(f'{lang}: the peers\' messages in the message list',
                 lambda: all(e2e.count_in(_items(messages_list), t) == 1 for t in lines), timeout=20)
        log(f'{lang}: send button {send.get_name()!r}, messages shown')
        if scroll_bars(main) == 0:
            raise CheckFailed(f'{lang}: AT-SPI shows no scroll bar at all: the check could not see one')

        for width, height in SIZES:
            subprocess.run(['xdotool', 'windowsize', wid, str(width), str(height)], timeout=10)
            wait_for(f'{lang}: the X window at {width}×{height}',
                     lambda: x_geometry(wid) == (width, height), timeout=10)
            wait_for(f'{lang}: the AT-SPI frame at {width}×{height}',
                     lambda: extents(main)[2:] == (width, height), timeout=10)
            time.sleep(0.6)  # the layout settles (panels step aside below 760 px)
            bars = horizontal_scroll_bars(main) + overflowing_rows(main)
            name = f'chat-{lang}-{width}x{height}.png'
            e2e.screenshot(os.path.join(args.artifacts, name), wid)
            if bars:
                raise CheckFailed(f'{lang} {width}×{height}: horizontal scroll bar showing in {bars} ({name})')
            if x_geometry(wid) != (width, height):
                raise CheckFailed(f'{lang}: the window is {x_geometry(wid)}, not {width}×{height}')
            if width >= 1280 and not _members(w, who_title):
                raise CheckFailed(f'{lang} {width}×{height}: {who_title!r} is not showing')
            log(f'{lang} {width}×{height}: ok ({name})')

        if lang == 'de':
            subprocess.run(['xdotool', 'windowsize', wid, '1280', '800'], timeout=10)
            subprocess.run(['xdotool', 'windowfocus', '--sync', wid], timeout=10)
            subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+comma'], timeout=10)
            swid = wait_for(f'an X window titled {words["settings"]!r}',
                            lambda: x_window_named(words['settings']), timeout=15)
            dialog = wait_for('the Settings dialog on AT-SPI', lambda: _dialog(w), timeout=10)
            subprocess.run(['xdotool', 'windowmove', swid, '0', '0'], timeout=10)
            time.sleep(0.8)
            geo = x_geometry(swid)
            e2e.screenshot(os.path.join(args.artifacts, 'settings-de.png'), swid)
            bars = horizontal_scroll_bars(dialog) + overflowing_rows(dialog)
            if bars:
                raise CheckFailed(f'German Settings: horizontal scroll bar showing in {bars}')
            if w.get(words['close'], required=False, roles=e2e.BUTTON_ROLES) is None:
                raise CheckFailed(f'German Settings: no {words["close"]!r} button\n' + w.dump())
            if w.get('Close', required=False, roles=e2e.BUTTON_ROLES) is not None:
                raise CheckFailed('German Settings: a button still says "Close"')
            screen = subprocess.run(['xdotool', 'getdisplaygeometry'], capture_output=True,
                                    text=True, timeout=10).stdout.split()
            if geo is None or geo[0] > int(screen[0]) or geo[1] > int(screen[1]):
                raise CheckFailed(f'German Settings is {geo}, larger than the screen {screen}')
            log(f'German Settings: {geo[0]}×{geo[1]}, no horizontal scroll bar (settings-de.png)')
        Procs_stop(w)
        windows.remove(w)
    for peer in peers:
        peer.command('quit')


def Procs_stop(w):
    rc = e2e.Procs.stop(w.proc)
    log(f'alice: Natter quit with {rc}')


def _dialog(w):
    for f in frames(w):
        if e2e.role_name(f) == 'dialog':
            return f
    return None


def _list_named(w, names):
    for name in names:
        acc = w.get(name, required=False, roles=e2e.LIST_ROLES)
        if acc is not None:
            return acc
    raise CheckFailed(f'no list named any of {names}\n' + w.dump())


def _items(lst):
    lst.clear_cache()
    out = []
    for c in e2e.children(lst):
        try:
            out.append(c.get_name() or e2e.text_of(c))
        except gi_error():
            continue
    return out


def _members(w, title):
    # The member list is named after its panel title, with the count: "Who's Online (3)".
    w.app.clear_cache()
    for acc, _ in e2e.walk(w.app):
        if e2e.role_name(acc) in e2e.LIST_ROLES and (acc.get_name() or '').startswith(title) \
                and e2e.is_showing(acc):
            return _items(acc)
    return []


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
            e2e.screenshot(os.path.join(args.artifacts, 'screens-failure.png'))
        procs.stop_all()
        if rc != 0:
            for lang in LANGS:
                path = os.path.join(logdir, f'screens-{lang}.log')
                if os.path.exists(path):
                    with open(path, errors='replace') as f:
                        print(f'--- last lines of {path}:\n' + ''.join(f.readlines()[-25:]), flush=True)
    return rc


if __name__ == '__main__':
    sys.exit(main())
