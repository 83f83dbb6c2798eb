#!/usr/bin/python3
"""Colour emoji in the real Natter window (issue 12), checked in a screenshot.

Run inside scripts/headless-session with HS_A11Y=1 (ctest: `ctest -R desktop_emoji`):

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_emoji.py \
        --natter build/ui/natter

Against a real soketi it starts itself on a free loopback port:
  1. Natter (alice, room lobby, local signing) connects under Xvfb (xcb, fontconfig, the
     installed fonts: DejaVu Sans, which has monochrome outlines for many emoji, and
     Noto Color Emoji);
  2. a pusher-js peer sends a message, then one with emoji (grouped under the first, so its row
     holds only the text: no avatar, no coloured name);
  3. the screen is captured (ImageMagick `import`); the emoji row, found by its AT-SPI extents,
     must hold clearly coloured pixels (chroma), and a plain-text row of the same sender none;
  4. the same for emoji typed into the "Message" field.
Screenshots: e2e-emoji.png and the crops in $NATTER_ARTIFACT_DIR.
Exit 0 when every check passed, 1 on a failed check, 2 on a setup problem.
Every process it starts is stopped by its PID.
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_chat as e2e  # noqa: E402  (its helpers: processes, soketi, the peer, AT-SPI)
from e2e_chat import Atspi, CheckFailed, SetupFailed, log, wait_for  # noqa: E402

# Smileys DejaVu Sans has monochrome outlines for (U+1F600, U+1F603, U+1F604): Qt 6.4's fallback
# keeps them in DejaVu (black) unless Natter asks for the emoji font. Emoji DejaVu lacks (🎉, 🍎)
# come out in colour either way, so they would prove nothing.
EMOJI = '\U0001F600 \U0001F603 \U0001F604'


def extents(acc):
    r = Atspi.Component.get_extents(acc, Atspi.CoordType.SCREEN)
    return r.x, r.y, r.width, r.height


def coloured_pixels(png, box, crop_path):
    """Pixels in `box` (x, y, w, h) of the screenshot whose chroma (max - min of R, G, B) is
    above 90 of 255 and which are not dark: grey antialiasing of a monochrome glyph has none."""
    x, y, w, h = box
    subprocess.run(['convert', png, '-crop', f'{w}x{h}+{x}+{y}', '+repage', crop_path],
                   check=True, timeout=30)
    raw = subprocess.run(['convert', crop_path, '-depth', '8', 'rgb:-'], check=True,
                         capture_output=True, timeout=30).stdout
    count = 0
    for i in range(0, len(raw) - 2, 3):
        r, g, b = raw[i], raw[i + 1], raw[i + 2]
        hi, lo = max(r, g, b), min(r, g, b)
        if hi - lo > 90 and hi > 110:
            count += 1
    return count


def message_item(w, token):
    lst = w.get('Messages', roles=e2e.LIST_ROLES)
    lst.clear_cache()
    for c in e2e.children(lst):
        try:
            if e2e.role_name(c) in ('list item', 'table cell', 'tree item') \
                    and token in (c.get_name() or e2e.text_of(c)):
                return c
        except e2e.gi.repository.GLib.Error:
            continue
    return None


def run(args, procs, windows, logdir):
    token = ''.join(random.choices(string.ascii_lowercase + string.digits, k=6))
    soketi = e2e.Soketi(procs, args.node, logdir)
    soketi.start()
    Atspi.init()

    base = os.environ.get('HS_WORK') or os.environ.get('XDG_RUNTIME_DIR') or '/tmp'
    home = os.path.join(base, f'e2e-emoji-{token}')
    env = dict(os.environ)
    for sub in ('config', 'data', 'cache'):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
    env.update({'XDG_CONFIG_HOME': os.path.join(home, 'config'),
                'XDG_DATA_HOME': os.path.join(home, 'data'),
                'XDG_CACHE_HOME': os.path.join(home, 'cache'),
                'NATTER_SECRET': 'app-secret'})
    env.pop('QT_QPA_PLATFORM', None)
    out = open(os.path.join(logdir, 'emoji-alice.log'), 'wb')
    p = procs.start('natter alice', [
        args.natter, '--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls',
        '--key', 'app-key', '--user', 'alice', '--room', 'lobby', '--new-instance'],
        env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    alice = e2e.Window('alice', p)
    windows.append(alice)
    alice.attach()
    wait_for('alice: "Connection status" to say Connected',
             lambda: alice.status().startswith('Connected'), timeout=30)

    peer = e2e.PusherJsPeer(procs, args.node, soketi.port, 'pj')
    peer.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    texts = [f'plain words {token}-1', f'{EMOJI} {token}-2', f'more plain words {token}-3']
    for i, text in enumerate(texts):
        msg = {'id': f'pj-{token}-{i}', 'text': text,
               'sent_at': time.strftime('%Y-%m-%dT%H:%M:%S.000Z', time.gmtime()),
               'user': {'id': 'pj', 'name': 'pj'}}
        peer.command('trigger client-message ' + json.dumps(msg))
        peer.wait_line('trigger answer', lambda o: o.get('type') == 'triggered')
    rows = [wait_for(f'alice: message {i + 1} of the peer in "Messages"',
                     lambda i=i: message_item(alice, f'{token}-{i + 1}'), timeout=20)
            for i in range(3)]
    alice.set_text('Message', f'typed {EMOJI}')
    wait_for('the emoji in the "Message" field',
             lambda: EMOJI in e2e.text_of(alice.get('Message', roles=e2e.TEXT_ROLES)), timeout=5)
    time.sleep(0.8)  # the repaint after the last change

    shot = os.path.join(args.artifacts, 'e2e-emoji.png')
    e2e.screenshot(shot)
    if not os.path.exists(shot):
        raise SetupFailed('no screenshot')
    counts = {}
    for name, acc in (('emoji-message', rows[1]), ('plain-message', rows[2]),
                      ('message-field', alice.get('Message', roles=e2e.TEXT_ROLES))):
        box = extents(acc)
        if box[2] <= 0 or box[3] <= 0:
            raise CheckFailed(f'{name}: no extents {box}')
        counts[name] = coloured_pixels(shot, box, os.path.join(args.artifacts, f'e2e-emoji-{name}.png'))
        log(f'{name}: box {box}, {counts[name]} coloured pixels')
    if counts['plain-message'] != 0:
        raise CheckFailed(f'a plain-text row of the same sender has {counts["plain-message"]} '
                          'coloured pixels: the crop is not text only')
    # Three emoji at the default 10 pt are ~3 x 150 px; a monochrome glyph gives 0.
    if counts['emoji-message'] < 60:
        raise CheckFailed(f'the emoji in the message are not in colour ({counts["emoji-message"]} '
                          'coloured pixels in its row)')
    if counts['message-field'] < 60:
        raise CheckFailed(f'the emoji in the "Message" field are not in colour '
                          f'({counts["message-field"]} coloured pixels)')
    peer.command('quit')


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
    except (SetupFailed, OSError) as e:
        log(f'SETUP FAILED: {e}')
        rc = 2
    except KeyboardInterrupt:
        log('interrupted')
        rc = 2
    finally:
        procs.stop_all()
    return rc


if __name__ == '__main__':
    sys.exit(main())
