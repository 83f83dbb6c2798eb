#!/usr/bin/python3
"""Desktop notifications end to end: Natter, a real notification server (dunst), pusher-js peers.

Run inside scripts/headless-session with HS_A11Y=1 (ctest: `ctest -L desktop`):

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_notify.py \
        --natter build/ui/natter

What it checks, against a soketi it starts on free loopback ports, reading what reached the
daemon from the session's dbus-monitor capture ($HS_DBUS_MONITOR_LOG):
  1. alice runs Natter in rooms lobby (shown), dev and ops; a pusher-js peer writes into dev:
     the permission bar appears (screenshot) and nothing is sent to the daemon yet;
  2. "Allow notifications" pressed through AT-SPI: one Notify with summary "pj in #dev", the
     message and the origin in the body, app "Natter", category im.received, desktop-entry
     natter, actions default / mark-read / block-origin, the sender's avatar as an image-data
     hint of 64 x 64 RGBA pixels; a second message replaces the same id;
     the launcher badge (com.canonical.Unity.LauncherEntry Update) says 2; screenshot of dunst;
  3. the default action through dunst (`dunstctl action 0`) switches the window to #dev and marks
     it read (badge back to 0);
  4. a message with <b>x</b> reaches the daemon escaped (dunst advertises body-markup);
  5. the "block-origin" action through dunst (`dunstctl context`): closed, and the next message
     raises nothing;
  6. bob, a fresh Natter: "Block notifications" in the prompt -> nothing raised;
  7. a hung daemon (dunst stopped with SIGSTOP, so Notify calls wait for the D-Bus timeout): bob
     (allowed now) keeps answering AT-SPI and showing new messages; GUI stalls measured;
  8. a Qt event loop without GLib (QT_NO_GLIB=1: libnotify's callbacks would never run): Natter
     says so and falls back instead of losing clicks silently;
  9. no daemon at all (carol on a private bus where no notification server can start, with a
     copy of bob's settings, so the origin is allowed): Natter falls back to the no-op with a
     notice, and its GUI thread does not stall (bench probe) while messages arrive.
Exit 0 when every check passed, 1 on a failed check, 2 on a setup problem.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_chat as e2e  # noqa: E402
from e2e_chat import BUTTON_ROLES, CheckFailed, Procs, SetupFailed, log, screenshot, wait_for  # noqa: E402


class Peer(e2e.PusherJsPeer):
    """The pusher-js peer of e2e_chat, in any room."""

    def __init__(self, procs, node, port, user_id, room):
        import queue
        import threading
        self.lines = queue.Queue()
        self.seen = []
        self.proc = procs.start(f'pusher-js {user_id}', [
            node, os.path.join(e2e.ROOT, 'tests/node/pusherjs-peer.js'), '--host', '127.0.0.1',
            '--port', str(port), '--key', 'app-key', '--secret', 'app-secret',
            '--channel', f'presence-{room}', '--user-id', user_id,
            '--user-info', json.dumps({'name': user_id})],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        self.user_id = user_id
        self.n = 0

    def say(self, text, quiet=False):
        self.n += 1
        msg = {'id': f'{self.user_id}-{time.monotonic_ns()}-{self.n}', 'text': text,
               'sent_at': time.strftime('%Y-%m-%dT%H:%M:%S.000Z', time.gmtime()),
               'user': {'id': self.user_id, 'name': self.user_id}}
        self.command('trigger client-message ' + json.dumps(msg))
        self.wait_line('trigger answer', lambda o: o.get('type') == 'triggered')
        if not quiet:
            log(f'{self.user_id}: said {text!r}')


# --------------------------------------------------------------------------------------------
# What reached the daemon, from dbus-monitor's text output.

def blocks(path):
    try:
        with open(path, errors='replace') as f:
            text = f.read()
    except OSError:
        return []
    return re.split(r'\n(?=(?:method call|method return|signal|error) )', text)


def parse_values(block):
    """The argument lines of one message as (type, value) pairs; multi-line strings joined."""
    lines = block.split('\n')[1:]
    out = []
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s.startswith('string "') or s.startswith('variant') and 'string "' in s:
            start = s.index('string "') + len('string "')
            val = s[start:]
            while not val.endswith('"') and i + 1 < len(lines):
                i += 1
                val += '\n' + lines[i]
            out.append(('string', val[:-1]))
        elif s.startswith('uint32 ') or s.startswith('int32 '):
            t, v = s.split(' ', 1)
            out.append((t, int(v)))
        elif s.startswith('array ['):
            out.append(('array', None))
        elif s == ']':
            out.append(('end', None))
        i += 1
    return out


def notify_calls(path):
    bs = blocks(path)
    returns = {}
    for b in bs:
        if b.startswith('method return'):
            m = re.search(r'destination=(\S+) serial=\d+ reply_serial=(\d+)', b)
            v = re.search(r'uint32 (\d+)', b)
            if m and v:
                returns[(m.group(1), m.group(2))] = int(v.group(1))
    calls = []
    for b in bs:
        head = b.split('\n', 1)[0]
        if not head.startswith('method call') or 'member=Notify' not in head:
            continue
        m = re.search(r'sender=(\S+) -> destination=\S+ serial=(\d+)', head)
        vals = parse_values(b)
        strings = [v for t, v in vals if t == 'string']
        uints = [v for t, v in vals if t == 'uint32']
        # app, icon, summary, body, then the actions array, then hints (key, value) pairs.
        arrays = [i for i, (t, _) in enumerate(vals) if t == 'array']
        actions, hints = [], {}
        if arrays:
            a = arrays[0] + 1
            while a < len(vals) and vals[a][0] == 'string':
                actions.append(vals[a][1])
                a += 1
        # image-data, (iiibiiay): width, height, rowstride, alpha, bits, channels, then the bytes.
        im = re.search(r'string "image-data"\s*variant\s+struct \{\s*int32 (\d+)\s*int32 (\d+)\s*'
                       r'int32 (\d+)\s*boolean (\w+)\s*int32 (\d+)\s*int32 (\d+)\s*array of bytes \[([^\]]*)\]', b)
        image = None
        if im:
            image = [int(im.group(i)) for i in (1, 2, 3)] + [im.group(4) == 'true'] + \
                [int(im.group(5)), int(im.group(6)), len(im.group(7).split())]
        for hm in re.finditer(r'dict entry\(\s*string "([^"]*)"\s*variant\s+(\w+) ("?)([^"\n]*)\3', b):
            hints[hm.group(1)] = hm.group(4)
        calls.append({'sender': m.group(1) if m else None, 'serial': m.group(2) if m else None,
                      'app': strings[0] if strings else None,
                      'replaces': uints[0] if uints else None,
                      'summary': strings[2] if len(strings) > 2 else None,
                      'body': strings[3] if len(strings) > 3 else None,
                      'actions': actions, 'hints': hints, 'image': image,
                      'id': returns.get((m.group(1), m.group(2))) if m else None})
    return calls


def close_calls(path):
    return [b for b in blocks(path) if b.split('\n', 1)[0].startswith('method call')
            and 'member=CloseNotification' in b.split('\n', 1)[0]]


def badge_counts(path):
    counts = []
    for b in blocks(path):
        if b.startswith('signal') and 'member=Update' in b.split('\n', 1)[0]:
            m = re.search(r'string "count"\s*variant\s+int64 (\d+)', b)
            if m:
                counts.append(int(m.group(1)))
    return counts


def window_title(pid):
    wid = e2e.x_window_of(pid)
    if not wid:
        return ''
    return subprocess.run(['xdotool', 'getwindowname', wid], capture_output=True, text=True,
                          timeout=10).stdout.strip()


# --------------------------------------------------------------------------------------------

def start_natter(procs, args, logdir, soketi, user, rooms, token, extra_env=None):
    env = dict(os.environ)
    home = os.path.join(os.environ.get('HS_WORK') or '/tmp', f'notify-{user}-{token}')
    for sub in ('config', 'data', 'cache'):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
    env.update({'XDG_CONFIG_HOME': os.path.join(home, 'config'),
                'XDG_DATA_HOME': os.path.join(home, 'data'),
                'XDG_CACHE_HOME': os.path.join(home, 'cache'),
                'NATTER_SECRET': 'app-secret'})
    env.update(extra_env or {})
    env.pop('QT_QPA_PLATFORM', None)
    out = open(os.path.join(logdir, f'notify-{user}.log'), 'wb')
    argv = [args.natter, '--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls',
            '--key', 'app-key', '--user', user, '--new-instance']
    for r in rooms:
        argv += ['--room', r]
    p = procs.start(f'natter {user}', argv, env=env, stdin=subprocess.DEVNULL, stdout=out,
                    stderr=subprocess.STDOUT)
    w = e2e.Window(user, p)
    w.attach()
    wait_for(f'{user}: Connected', lambda: w.status().startswith('Connected'), timeout=30)
    for r in rooms:
        wait_for(f'{user}: "Rooms" to list {r}', lambda r=r: r in ' '.join(w.items('Rooms')))
    return w


def run(args, procs, windows, logdir):
    if not os.environ.get('HS_DUNST_PICK'):
        raise SetupFailed('no $HS_DUNST_PICK: run me under scripts/headless-session')
    token = ''.join(__import__('random').choices('abcdefghijklmnopqrstuvwxyz0123456789', k=6))
    soketi = e2e.Soketi(procs, args.node, logdir)
    soketi.start()
    origin = f'127.0.0.1:{soketi.port}/app-key'
    e2e.Atspi.init()

    # The session's own capture has no method returns (they carry no interface), and the ids the
    # daemon gives out are needed: a capture of our own, with the returns.
    mon = os.path.join(logdir, 'notifications-monitor.log')
    procs.start('dbus-monitor (notifications)', [
        'dbus-monitor', '--session', "interface='org.freedesktop.Notifications'",
        "type='method_return'"],
        stdout=open(mon, 'wb'), stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    caps = subprocess.run(['dbus-send', '--session', '--print-reply', '--dest=org.freedesktop.Notifications',
                           '/org/freedesktop/Notifications', 'org.freedesktop.Notifications.GetCapabilities'],
                          capture_output=True, text=True, timeout=10).stdout
    body_markup = '"body-markup"' in caps
    log(f'daemon body-markup: {body_markup}')
    badge_log = os.path.join(logdir, 'launcher-badge.log')
    procs.start('dbus-monitor (badge)', [
        'dbus-monitor', '--session', "type='signal',interface='com.canonical.Unity.LauncherEntry'"],
        stdout=open(badge_log, 'wb'), stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)

    alice = start_natter(procs, args, logdir, soketi, 'alice', ['lobby', 'dev', 'ops'], token)
    windows.append(alice)
    wid = e2e.x_window_of(alice.proc.pid)
    if wid:
        subprocess.run(['xdotool', 'windowsize', wid, '1000', '700'], timeout=10)
        subprocess.run(['xdotool', 'windowmove', wid, '0', '0'], timeout=10)
    wait_for('alice shows #lobby', lambda: '#lobby' in window_title(alice.proc.pid), timeout=10)

    pj = Peer(procs, args.node, soketi.port, 'pj', 'dev')
    pj.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    pk = Peer(procs, args.node, soketi.port, 'pk', 'ops')
    pk.wait_line('subscription', lambda o: o.get('type') == 'subscribed')

    # --- 1. the prompt, and nothing raised before the answer ---
    before = len(notify_calls(mon))
    m1 = f'first in dev {token}'
    pj.say(m1)
    wait_for('the prompt bar ("Allow notifications")',
             lambda: alice.get('Allow notifications', required=False, roles=BUTTON_ROLES), timeout=15)
    for name in ('Block notifications', 'Not now'):
        alice.get(name, roles=BUTTON_ROLES)
    time.sleep(0.5)
    if len(notify_calls(mon)) != before:
        raise CheckFailed('a notification was raised before the user answered the prompt')
    time.sleep(0.3)
    screenshot(os.path.join(args.artifacts, 'notify-prompt.png'), e2e.x_window_of(alice.proc.pid))

    # --- 2. Allow: the triggering message is notified; the next one replaces it ---
    alice.press('Allow notifications')
    # dbus-monitor flushes a large call (the 16 KB avatar) in pieces; the daemon's reply follows
    # the call in the log, so a call with its id on record has been written whole.
    first = wait_for('a Notify call for #dev', lambda: [c for c in notify_calls(mon)[before:]
                                                       if c['summary'] == 'pj in #dev'
                                                       and c['id'] is not None], timeout=10)[0]
    log(f'Notify: {first}')
    problems = []
    if first['app'] != 'Natter':
        problems.append(f"app name {first['app']!r}")
    if m1 not in (first['body'] or '') or origin not in (first['body'] or ''):
        problems.append(f"body {first['body']!r} lacks the message or the origin {origin}")
    if first['hints'].get('category') != 'im.received':
        problems.append(f"category {first['hints'].get('category')!r}")
    if first['hints'].get('desktop-entry') != 'natter':
        problems.append(f"desktop-entry {first['hints'].get('desktop-entry')!r}")
    for action in ('default', 'mark-read', 'block-origin', f'Block notifications from {origin}'):
        if action not in first['actions']:
            problems.append(f'action {action!r} missing from {first["actions"]}')
    # The sender's avatar (InitialsAvatar, 64 px) as pixels: 64 x 64 RGBA, 8 bits, 4 channels.
    if first['image'] != [64, 64, 256, True, 8, 4, 64 * 64 * 4]:
        problems.append(f"image-data hint {first['image']!r}, expected [64, 64, 256, True, 8, 4, 16384]")
    if 'inline-reply' in first['actions'] and '"inline-reply"' not in caps:
        problems.append('an inline-reply action although the daemon does not advertise inline-reply')
    if problems:
        raise CheckFailed('first notification: ' + '; '.join(problems))
    first_id = wait_for('the daemon\'s id for it', lambda: [c for c in notify_calls(mon)
                                                            if c['serial'] == first['serial']][0]['id'])
    m2 = f'second in dev {token}'
    pj.say(m2)
    second = wait_for('a second Notify for #dev', lambda: [c for c in notify_calls(mon)[before:]
                                                          if m2 in (c['body'] or '')], timeout=10)[0]
    if second['replaces'] != first_id:
        raise CheckFailed(f'the second message replaced id {second["replaces"]}, not {first_id}')
    if m1 not in second['body']:
        raise CheckFailed(f'the updated notification lost the first line: {second["body"]!r}')
    log(f'second message updated notification {first_id} in place')
    wait_for('the launcher badge to say 2', lambda: 2 in badge_counts(badge_log), timeout=10)
    log(f'launcher badge counts so far: {badge_counts(badge_log)}')
    time.sleep(0.5)
    screenshot(os.path.join(args.artifacts, 'notify-dunst.png'))

    # --- 3. the default action opens the room and reads it ---
    subprocess.run(['dunstctl', 'action', '0'], timeout=10, check=True)
    wait_for('alice to show #dev after the click', lambda: '#dev' in window_title(alice.proc.pid),
             timeout=10)
    wait_for('the badge back to 0', lambda: badge_counts(badge_log)[-1:] == [0], timeout=10)
    log('default action: window on #dev, read')

    # --- 4. markup is escaped ---
    n_before = len(notify_calls(mon))
    pk.say('<b>x</b> & y')
    markup = wait_for('a Notify for #ops', lambda: [c for c in notify_calls(mon)[n_before:]
                                                   if c['summary'] == 'pk in #ops'], timeout=10)[0]
    # With body-markup the server would interpret tags: they must arrive escaped. Without it the
    # server shows the body as plain text, so the text must arrive exactly as typed.
    expected = 'pk: &lt;b&gt;x&lt;/b&gt; &amp; y' if body_markup else 'pk: <b>x</b> & y'
    if not markup['body'].startswith(expected + '\n'):
        raise CheckFailed(f'markup: body {markup["body"]!r}, expected it to start with {expected!r}')
    log(f'markup reached the daemon as {expected!r}')

    # --- 5. the block action ---
    closes = len(close_calls(mon))
    with open(os.environ['HS_DUNST_PICK'], 'w') as f:
        f.write('block-origin')
    # dunstctl only signals dunst, which runs the picker later: the pick stays until it has acted.
    subprocess.run(['dunstctl', 'context'], timeout=10, check=True)
    wait_for('the block action: settings say denied',
             lambda: 'denied' in open(os.path.join(os.environ.get('HS_WORK') or '/tmp',
                                                   f'notify-alice-{token}', 'config', 'Natter',
                                                   'natter.conf'), errors='replace').read(),
             timeout=10)
    with open(os.environ['HS_DUNST_PICK'], 'w') as f:
        f.write('')
    if '#ops' in window_title(alice.proc.pid):
        raise CheckFailed('the block action opened the room (the default action ran instead)')
    n_before = len(notify_calls(mon))
    pk.say(f'after block {token}')
    time.sleep(2.0)
    if len(notify_calls(mon)) != n_before:
        raise CheckFailed('a notification was raised after the origin was blocked')
    log(f'block action: origin denied, nothing raised after (CloseNotification calls: '
        f'{len(close_calls(mon)) - closes})')

    # --- 6. "Block notifications" in a fresh prompt ---
    bob = start_natter(procs, args, logdir, soketi, 'bob', ['lobby', 'dev'], token)
    windows.append(bob)
    n_before = len(notify_calls(mon))
    pj.say(f'to bob {token}')
    wait_for('bob: the prompt', lambda: bob.get('Block notifications', required=False,
                                                roles=BUTTON_ROLES), timeout=15)
    bob.press('Block notifications')
    pj.say(f'to bob again {token}')
    time.sleep(2.0)
    if len(notify_calls(mon)) != n_before:
        raise CheckFailed('bob blocked in the prompt, yet a notification was raised')
    log('prompt "Block notifications": nothing raised')

    # --- 7. a hung daemon never blocks the window ---
    dunst_pid = int(subprocess.run(
        ['dbus-send', '--session', '--print-reply=literal', '--dest=org.freedesktop.DBus',
         '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetConnectionUnixProcessID',
         'string:org.freedesktop.Notifications'], capture_output=True, text=True,
        timeout=10).stdout.split()[-1])
    # Alice blocked the origin and Bob refused it: Dave allows it.
    dave = start_natter(procs, args, logdir, soketi, 'dave', ['lobby', 'dev'], token)
    windows.append(dave)
    pj.say(f'to dave {token}')
    wait_for('dave: the prompt', lambda: dave.get('Allow notifications', required=False,
                                                 roles=BUTTON_ROLES), timeout=15)
    dave.press('Allow notifications')
    wait_for('dave: a Notify', lambda: [c for c in notify_calls(mon) if f'to dave {token}' in (c['body'] or '')],
             timeout=10)
    pl = Peer(procs, args.node, soketi.port, 'pl', 'lobby')
    pl.wait_line('subscription', lambda o: o.get('type') == 'subscribed')
    os.kill(dunst_pid, signal.SIGSTOP)
    log(f'dunst (pid {dunst_pid}) stopped: Notify calls now hang')
    try:
        worst = 0.0
        worst_rt = 0.0
        for i in range(5):
            pj.say(f'into dev while hung {i} {token}')  # a Notify that waits for the daemon
            text = f'while hung {i} {token}'
            t = time.monotonic()
            pl.say(text)  # into the shown room
            wait_for(f'dave: {text!r} in "Messages"', lambda text=text: e2e.count_in(dave.items('Messages'), text),
                     timeout=10)
            worst = max(worst, time.monotonic() - t)
            t = time.monotonic()
            dave.status()
            rt = time.monotonic() - t
            worst_rt = max(worst_rt, rt)
            time.sleep(0.45)  # below the burst rule: every dev message is its own Notify
        log(f'hung daemon: messages kept appearing (slowest {worst * 1000:.0f} ms after the trigger), '
            f'AT-SPI round trip to the window at most {worst_rt * 1000:.0f} ms')
        if worst_rt > 1.0:
            raise CheckFailed(f'the window took {worst_rt:.1f} s to answer AT-SPI while the daemon hung')
    finally:
        os.kill(dunst_pid, signal.SIGCONT)
    log('dunst continued')
    # The calls that waited for the daemon go through once it runs again.
    wait_for('the Notify calls made while dunst hung', lambda: [
        c for c in notify_calls(mon) if f'into dev while hung 0 {token}' in (c['body'] or '')], timeout=30)

    # --- 8. no GLib event loop ---
    run_without_glib(procs, args, logdir, soketi, token)

    # --- 9. no daemon at all ---
    run_no_daemon(procs, args, logdir, soketi, token, pj,
                  os.path.join(os.environ.get('HS_WORK') or '/tmp', f'notify-dave-{token}', 'config'))


def run_without_glib(procs, args, logdir, soketi, token):
    home = os.path.join(os.environ.get('HS_WORK') or '/tmp', f'notify-erin-{token}')
    for sub in ('config', 'data', 'cache'):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
    env = dict(os.environ, QT_NO_GLIB='1', NATTER_SECRET='app-secret',
               XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CACHE_HOME=os.path.join(home, 'cache'))
    env.pop('QT_QPA_PLATFORM', None)
    log_path = os.path.join(logdir, 'notify-erin.log')
    p = procs.start('natter erin (QT_NO_GLIB=1)', [
        args.natter, '--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls', '--key', 'app-key',
        '--user', 'erin', '--room', 'lobby', '--new-instance', '--log-level', 'info'],
        env=env, stdin=subprocess.DEVNULL, stdout=open(log_path, 'wb'), stderr=subprocess.STDOUT)

    def log_text():
        with open(log_path, errors='replace') as f:
            return f.read()
    wait_for('erin: libnotify refuses a non-GLib event loop', lambda: 'not GLib-based' in log_text(), timeout=20)
    wait_for('erin: the fallback', lambda: 'desktop notifications fall back' in log_text(), timeout=10)
    Procs.stop(p)
    log('QT_NO_GLIB=1: detected, fallback taken')


def run_no_daemon(procs, args, logdir, soketi, token, pj, config_from):
    import shutil
    home = os.path.join(os.environ.get('HS_WORK') or '/tmp', f'notify-carol-{token}')
    shutil.copytree(config_from, os.path.join(home, 'config'))
    for sub in ('data', 'cache'):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
    # A bus of our own whose environment has no DISPLAY: the dunst it would D-Bus-activate
    # cannot start, so nothing owns org.freedesktop.Notifications.
    bus_env = {k: v for k, v in os.environ.items() if k != 'DISPLAY'}
    bus = procs.start('dbus-daemon (no notifications)', [
        'dbus-daemon', '--session', '--nofork', '--print-address=1'], env=bus_env,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    address = bus.stdout.readline().strip()
    if not address:
        raise SetupFailed('the private dbus-daemon printed no address')
    env = dict(os.environ)
    env.update({'XDG_CONFIG_HOME': os.path.join(home, 'config'), 'XDG_DATA_HOME': os.path.join(home, 'data'),
                'XDG_CACHE_HOME': os.path.join(home, 'cache'), 'NATTER_SECRET': 'app-secret',
                'DBUS_SESSION_BUS_ADDRESS': address, 'NATTER_BENCH': '1'})
    for k in ('QT_QPA_PLATFORM', 'QT_LINUX_ACCESSIBILITY_ALWAYS_ON'):
        env.pop(k, None)
    log_path = os.path.join(logdir, 'notify-carol.log')
    p = procs.start('natter carol (no daemon)', [
        args.natter, '--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls', '--key', 'app-key',
        '--user', 'carol', '--room', 'lobby', '--room', 'dev', '--new-instance', '--log-level', 'info'],
        env=env, stdin=subprocess.DEVNULL, stdout=open(log_path, 'wb'), stderr=subprocess.STDOUT)

    def log_text():
        with open(log_path, errors='replace') as f:
            return f.read()
    wait_for('carol: logged in', lambda: 'logged in as' in log_text(), timeout=30)
    wait_for('carol: libnotify reports no server', lambda: 'libnotify unavailable' in log_text(), timeout=15)
    time.sleep(1.0)
    messages_from = time.time() * 1000
    for i in range(20):
        pj.say(f'nobody listens {i} {token}')
        time.sleep(0.1)
    wait_for('carol: the fallback', lambda: 'desktop notifications fall back' in log_text(), timeout=15)
    time.sleep(1.5)
    if p.poll() is not None:
        raise CheckFailed(f'carol exited with {p.returncode}')
    # The probe's lines: t_ms since its start line, which has the wall clock. Start-up (window
    # creation, first paints) is not what is measured here: only the windows once messages flow.
    probe = [json.loads(line) for line in log_text().splitlines() if line.startswith('{')]
    start = next((o['epoch_ms'] for o in probe if o.get('event') == 'start'), None)
    stalls = [o['max_ms'] for o in probe if o.get('type') == 'stall' and start is not None
              and o['t_ms'] >= messages_from - start]
    worst = max(stalls) if stalls else None
    log(f'no daemon: fallback taken; GUI-thread stalls while 20 messages arrived, over '
        f'{len(stalls)} windows of 500 ms: max {worst} ms')
    if worst is None:
        raise CheckFailed('carol: no stall lines from the bench probe')
    if worst > 200:
        raise CheckFailed(f'carol: the GUI thread stalled {worst} ms with no notification daemon')


def main():
    import argparse
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
    logdir = os.path.join(args.artifacts, 'notify-logs')
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
    except KeyboardInterrupt:
        rc = 2
    finally:
        if rc != 0:
            for w in windows:
                if w.app is not None:
                    print(w.dump(), flush=True)
            screenshot(os.path.join(args.artifacts, 'notify-failure.png'))
        procs.stop_all()
        if rc != 0:
            for w in windows:
                path = os.path.join(logdir, f'notify-{w.label}.log')
                if os.path.exists(path):
                    with open(path, errors='replace') as f:
                        print(f'--- {path}:\n' + ''.join(f.readlines()[-25:]), flush=True)
    return rc


if __name__ == '__main__':
    import signal
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    sys.exit(main())
