"""What the desktop end-to-end scenarios (e2e_*.py) share: processes stopped by PID, a soketi on
free loopback ports, a pusher-js peer, Natter windows found and driven through AT-SPI, and
screenshots. e2e_chat.py re-exports all of it, so `import e2e_chat as e2e` keeps working.

Use it with Debian's /usr/bin/python3 (it has gi/Atspi; the pyenv python3 on PATH does not).
"""

import json
import os
import queue
import socket
import subprocess
import threading
import time
import urllib.request
import warnings

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

warnings.simplefilter("ignore", DeprecationWarning)  # Atspi.Action.get_action_name: no successor in 2.46

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
T0 = time.monotonic()
WHO = "Who's Online"
LIST_ROLES = ('list', 'table', 'tree', 'tree table', 'list box')
TEXT_ROLES = ('text', 'entry', 'paragraph', 'password text', 'editbar')
BUTTON_ROLES = ('push button', 'button', 'toggle button')


def log(msg):
    print(f'[{time.monotonic() - T0:7.2f}] {msg}', flush=True)


class CheckFailed(Exception):
    pass


class SetupFailed(Exception):
    pass


# --------------------------------------------------------------------------------------------
# Processes

class Procs:
    """Every child we start, stopped by PID (SIGTERM, then SIGKILL)."""

    def __init__(self):
        self.items = []

    def start(self, name, argv, **kw):
        p = subprocess.Popen(argv, **kw)
        self.items.append((name, p))
        log(f'started {name} (pid {p.pid})')
        return p

    @staticmethod
    def stop(p, timeout=5.0):
        if p.poll() is not None:
            return p.returncode
        try:
            p.terminate()
            return p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            return p.wait(5)

    def stop_all(self):
        for name, p in reversed(self.items):
            if p.poll() is None:
                self.stop(p)
                log(f'stopped {name} (pid {p.pid})')
        self.items = []


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def port_listening(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(('127.0.0.1', port)) == 0


def wait_for(what, fn, timeout=20.0, interval=0.1):
    """Polls fn() until it returns something truthy; raises CheckFailed with the last value."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            last = fn()
        except (gi.repository.GLib.Error, RuntimeError) as e:  # a widget went away mid-read
            last = f'<{type(e).__name__}: {e}>'
            ok = False
        else:
            ok = bool(last)
        if ok:
            return last
        if time.monotonic() >= deadline:
            raise CheckFailed(f'timed out after {timeout:.0f} s waiting for {what} (last: {last!r})')
        time.sleep(interval)


class Soketi:
    def __init__(self, procs, node, logdir):
        self.procs = procs
        self.node = node
        self.logdir = logdir
        self.port = None
        self.metrics_port = None
        self.proc = None
        self.runs = 0

    def start(self, port=None):
        server_js = os.path.join(ROOT, 'server/soketi/node_modules/@soketi/soketi/bin/server.js')
        if not os.path.exists(server_js):
            raise SetupFailed(f'soketi is not installed ({server_js}); run scripts/deps')
        self.port = port or free_port()
        if port_listening(self.port):
            raise SetupFailed(f'port {self.port} is busy (soketi binds with SO_REUSEPORT: refusing to share it)')
        self.metrics_port = free_port()
        env = dict(os.environ)
        env.update({
            'SOKETI_HOST': '127.0.0.1', 'SOKETI_METRICS_HOST': '127.0.0.1',
            'SOKETI_PORT': str(self.port), 'SOKETI_METRICS_SERVER_PORT': str(self.metrics_port),
            'SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES': 'true',
            'SOKETI_DEFAULT_APP_USER_AUTHENTICATION': 'true',
            'SOKETI_USER_AUTHENTICATION_TIMEOUT': '3600000',
            'SOKETI_SHUTDOWN_GRACE_PERIOD': '0',
        })
        self.runs += 1
        out = open(os.path.join(self.logdir, f'soketi-{self.runs}.log'), 'wb')
        # node directly (not npx, not in a subshell): the PID is soketi's own.
        self.proc = self.procs.start(f'soketi #{self.runs}', [self.node, server_js, 'start'], env=env,
                                     stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)

        def ready():
            if self.proc.poll() is not None:
                raise SetupFailed(f'soketi exited with {self.proc.returncode}')
            try:
                with urllib.request.urlopen(f'http://127.0.0.1:{self.port}/', timeout=1) as r:
                    return r.status == 200
            except OSError:
                return False
        try:
            wait_for('soketi to answer HTTP', ready, timeout=60)
        except CheckFailed as e:
            raise SetupFailed(str(e))
        log(f'soketi up on 127.0.0.1:{self.port}')

    def stop(self):
        Procs.stop(self.proc)
        wait_for(f'port {self.port} to be released', lambda: not port_listening(self.port), timeout=10)
        log('soketi stopped')


class PusherJsPeer:
    """tests/node/pusherjs-peer.js: the official pusher-js client; commands on stdin."""

    def __init__(self, procs, node, port, user_id):
        self.lines = queue.Queue()
        self.seen = []
        self.proc = procs.start('pusher-js peer', [
            node, os.path.join(ROOT, 'tests/node/pusherjs-peer.js'), '--host', '127.0.0.1',
            '--port', str(port), '--key', 'app-key', '--secret', 'app-secret',
            '--channel', 'presence-lobby', '--user-id', user_id,
            '--user-info', json.dumps({'name': user_id})],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            try:
                self.lines.put(json.loads(line))
            except ValueError:
                pass

    def wait_line(self, what, pred, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                obj = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(obj)
            if pred(obj):
                return obj
        raise CheckFailed(f'pusher-js peer: no {what} within {timeout} s (saw {self.seen[-5:]})')

    def command(self, text):
        self.proc.stdin.write(text + '\n')
        self.proc.stdin.flush()


# --------------------------------------------------------------------------------------------
# AT-SPI

def role_name(acc):
    try:
        return acc.get_role_name()
    except gi.repository.GLib.Error:
        return '?'


def children(acc):
    try:
        n = acc.get_child_count()
    except gi.repository.GLib.Error:
        return []
    out = []
    for i in range(n):
        try:
            c = acc.get_child_at_index(i)
        except gi.repository.GLib.Error:
            continue
        if c is not None:
            out.append(c)
    return out


def walk(acc, depth=0, max_depth=14, into_lists=False):
    yield acc, depth
    if depth >= max_depth:
        return
    if not into_lists and role_name(acc) in LIST_ROLES:
        return  # items are read on purpose, not searched
    for c in children(acc):
        yield from walk(c, depth + 1, max_depth, into_lists)


def is_showing(acc):
    try:
        return acc.get_state_set().contains(Atspi.StateType.SHOWING)
    except gi.repository.GLib.Error:
        return False


def text_of(acc):
    """What a screen reader would read out of a widget: its text, else its name."""
    try:
        if 'Text' in acc.get_interfaces():
            return Atspi.Text.get_text(acc, 0, Atspi.Text.get_character_count(acc))
    except gi.repository.GLib.Error:
        pass
    return acc.get_name() or ''


class Window:
    """One Natter process as seen through AT-SPI."""

    def __init__(self, label, proc):
        self.label = label
        self.proc = proc
        self.app = None
        self.cache = {}

    def find_app(self):
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() == self.proc.pid:
                    return app
            except gi.repository.GLib.Error:
                continue
        return None

    def attach(self, timeout=30):
        def found():
            if self.proc.poll() is not None:
                raise SetupFailed(f'{self.label}: natter exited with {self.proc.returncode}')
            self.app = self.find_app()
            return self.app is not None and self.get('Messages', required=False, roles=LIST_ROLES) is not None
        wait_for(f'{self.label} on the accessibility bus', found, timeout=timeout, interval=0.25)
        log(f'{self.label}: accessible as {self.app.get_name()!r}')

    def get(self, name, required=True, showing=True, roles=None):
        """The first showing widget with this accessible name (and one of `roles`, if given)."""
        key = (name, roles)
        acc = self.cache.get(key)
        if acc is not None:
            try:
                if acc.get_name() == name and (not showing or is_showing(acc)):
                    return acc
            except gi.repository.GLib.Error:
                pass
        self.cache.pop(key, None)
        self.app.clear_cache()
        for a, _ in walk(self.app):
            try:
                if (a.get_name() == name and (not showing or is_showing(a))
                        and (roles is None or role_name(a) in roles)):
                    self.cache[key] = a
                    return a
            except gi.repository.GLib.Error:
                continue
        if required:
            raise CheckFailed(f'{self.label}: no showing widget with accessible name {name!r}'
                              + (f' and role in {roles}' if roles else '') + '\n' + self.dump())
        return None

    def items(self, name):
        lst = self.get(name, roles=LIST_ROLES)
        lst.clear_cache()
        names = []
        for c in children(lst):
            try:
                if role_name(c) in ('list item', 'table cell', 'tree item'):
                    names.append(c.get_name() or text_of(c))
            except gi.repository.GLib.Error:
                continue
        return names

    def status(self):
        bar = self.get('Connection status')
        parts = [bar.get_description() or '']
        for c in children(bar):
            try:
                if is_showing(c):
                    parts.append(text_of(c))
            except gi.repository.GLib.Error:
                pass
        return ' | '.join(p for p in parts if p)

    def set_text(self, name, text):
        acc = self.get(name, roles=TEXT_ROLES)
        if 'EditableText' not in acc.get_interfaces():
            raise CheckFailed(f'{self.label}: {name!r} is not editable through AT-SPI')
        Atspi.EditableText.set_text_contents(acc, text)

    def press(self, name):
        acc = self.get(name, roles=BUTTON_ROLES)
        if 'Action' not in acc.get_interfaces():
            raise CheckFailed(f'{self.label}: {name!r} has no AT-SPI action')
        names = [Atspi.Action.get_action_name(acc, i) for i in range(Atspi.Action.get_n_actions(acc))]
        if 'Press' not in names:
            raise CheckFailed(f'{self.label}: {name!r} cannot be pressed (actions: {names})')
        Atspi.Action.do_action(acc, names.index('Press'))

    def send(self, text):
        self.set_text('Message', text)
        wait_for(f'{self.label}: the Message field to hold the text',
                 lambda: text in text_of(self.get('Message', roles=TEXT_ROLES)), timeout=5)
        self.press('Send')
        log(f'{self.label}: sent {text!r}')

    def dump(self, max_lines=150):
        lines = []
        try:
            for a, d in walk(self.app, into_lists=True, max_depth=10):
                lines.append('  ' * d + f'{role_name(a)} {a.get_name()!r}'
                             + (f' desc={a.get_description()!r}' if a.get_description() else ''))
                if len(lines) >= max_lines:
                    lines.append('  …')
                    break
        except Exception as e:  # noqa: BLE001 - diagnostics only
            lines.append(f'<dump failed: {e}>')
        return f'--- AT-SPI tree of {self.label}:\n' + '\n'.join(lines)


def count_in(items, token):
    return sum(1 for i in items if token in i)


def x_window_of(pid):
    try:
        out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(pid)],
                             capture_output=True, text=True, timeout=10).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out[-1] if out else None


def screenshot(path, window=None):
    argv = ['import', '-window', window or 'root', path]
    try:
        subprocess.run(argv, capture_output=True, timeout=20, check=True)
        log(f'screenshot {path}')
    except (OSError, subprocess.SubprocessError) as e:
        log(f'screenshot {path} failed: {e}')


# --------------------------------------------------------------------------------------------
