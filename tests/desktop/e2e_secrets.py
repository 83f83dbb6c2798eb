#!/usr/bin/python3
"""Secrets audit: no app secret, bearer token or join password outside the keychain.

Run inside scripts/headless-session with HS_A11Y=1 (ctest: `ctest -R desktop_secrets`):

    HS_A11Y=1 scripts/headless-session /usr/bin/python3 tests/desktop/e2e_secrets.py \
        --natter build/ui/natter --cli build/cli/natter-cli --server build/server/natter-server

Against a soketi and a natter-server it starts on free loopback ports, with a random app secret
and join password, and logging at debug level everywhere (--log-level debug, QT_LOGGING_RULES):
  1. natter --server URL --password-env VAR: logs in with the join password, gets a session
     token (the bearer token for /pusher/auth etc.; the test reads it through a recording
     reverse proxy in front of natter-server), sends a message through AT-SPI;
  2. natter with local signing: the app secret from NATTER_SECRET, sends a message;
  3. natter-cli listen with NATTER_SECRET, and with NATTER_AUTH_HEADER (a bearer token of
     natter-server), natter-cli trigger with NATTER_SECRET.
After start-up, /proc/PID/cmdline and /proc/PID/environ of each must not hold any of the three
(the variables are read once, then wiped); after the run neither may any file the process wrote
(its private HOME and XDG_* folders: settings, outbox, caches, logs), nor its stdout/stderr.
Exit 0 when every check passed, 1 on a failed check, 2 on a setup problem. Every process it
starts is stopped by its PID.
"""

import argparse
import http.client
import http.server
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_chat as e2e  # noqa: E402
from e2e_chat import Atspi, CheckFailed, Procs, SetupFailed, Soketi, Window, log, wait_for  # noqa: E402
from e2e_server import NatterServer  # noqa: E402


class RecordingProxy:
    """A reverse proxy on 127.0.0.1:0 in front of natter-server that records the session tokens
    natter-server hands out (POST /session answers), so the test knows what to look for."""

    def __init__(self, upstream):
        self.upstream = urllib.parse.urlsplit(upstream)
        self.tokens = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = 'HTTP/1.1'

            def log_message(self, *args):
                pass

            def relay(self):
                length = int(self.headers.get('Content-Length') or 0)
                body = self.rfile.read(length) if length else None
                conn = http.client.HTTPConnection(proxy.upstream.hostname, proxy.upstream.port, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ('host', 'connection')}
                conn.request(self.command, self.path, body=body, headers=headers)
                r = conn.getresponse()
                data = r.read()
                if self.path.startswith('/session') and self.command == 'POST':
                    try:
                        token = json.loads(data).get('token')
                        if token:
                            proxy.tokens.append(token)
                    except ValueError:
                        pass
                self.send_response(r.status)
                for k, v in r.getheaders():
                    if k.lower() not in ('content-length', 'connection', 'transfer-encoding'):
                        self.send_header(k, v)
                self.send_header('Content-Length', str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

            do_GET = do_POST = do_DELETE = do_PUT = relay

        self.server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.server.daemon_threads = True
        self.url = f'http://127.0.0.1:{self.server.server_address[1]}'
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class SecretServer(NatterServer):
    """e2e_server's natter-server with this run's app secret and a join password."""

    def __init__(self, procs, binary, logdir, dbdir, app_secret, join_password):
        super().__init__(procs, binary, logdir, dbdir)
        self.extra = {'NATTER_PUSHER_SECRET': app_secret, 'NATTER_JOIN_PASSWORD': join_password}

    def start(self, soketi_port):
        saved = dict(os.environ)
        real_start = subprocess.Popen

        def popen(argv, env=None, **kw):
            if env is not None:
                env = dict(env)
                env.update(self.extra)
            return real_start(argv, env=env, **kw)
        subprocess.Popen = popen  # Procs.start uses subprocess.Popen
        try:
            super().start(soketi_port)
        finally:
            subprocess.Popen = real_start
            os.environ.clear()
            os.environ.update(saved)


class Audit:
    def __init__(self, work):
        self.work = work
        self.logdir = work  # run() points it at the artifacts folder
        self.secrets = {}  # label -> value
        self.failures = []

    def forbidden(self):
        out = []
        for label, value in self.secrets.items():
            v = value.encode()
            out.append((label, v))
            quoted = urllib.parse.quote(value, safe='').encode()
            if quoted != v:
                out.append((label + ' (URL-encoded)', quoted))
        return [(label, v) for label, v in out if v]

    def scan_bytes(self, where, data):
        for label, v in self.forbidden():
            if v in data and f'{label} found in {where}' not in self.failures:
                self.failures.append(f'{label} found in {where}')

    def scan_process(self, name, pid):
        for part in ('cmdline', 'environ'):
            try:
                with open(f'/proc/{pid}/{part}', 'rb') as f:
                    self.scan_bytes(f'{name}: /proc/{pid}/{part}', f.read())
            except OSError as e:
                raise CheckFailed(f'{name}: cannot read /proc/{pid}/{part}: {e}')

    def scan_tree(self, name, root):
        found = []
        for folder, _, files in os.walk(root):
            for fn in files:
                path = os.path.join(folder, fn)
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                with open(path, 'rb') as f:
                    self.scan_bytes(f'{name}: {os.path.relpath(path, self.work)}', f.read())
                found.append(os.path.relpath(path, root))
        return found


def private_env(work, label):
    """A HOME and XDG_* folders of its own, so every file the process writes is found."""
    home = os.path.join(work, label)
    env = dict(os.environ)
    dirs = {'HOME': home}
    for var, sub in (('XDG_CONFIG_HOME', '.config'), ('XDG_DATA_HOME', '.local/share'),
                     ('XDG_CACHE_HOME', '.cache'), ('XDG_STATE_HOME', '.local/state'),
                     ('TMPDIR', 'tmp')):
        dirs[var] = os.path.join(home, sub)
    for path in dirs.values():
        os.makedirs(path, mode=0o700, exist_ok=True)
    env.update(dirs)
    for var in list(env):
        if var.startswith('NATTER_') or var.startswith('SOKETI_'):
            del env[var]
    env.pop('QT_QPA_PLATFORM', None)
    env['QT_LOGGING_RULES'] = 'natter.*=true;qt.*.debug=false'
    return home, env


def run_natter(args, procs, audit, work, label, argv, secret_env, message):
    home, env = private_env(work, label)
    env.update(secret_env)
    out_path = os.path.join(audit.logdir, f'{label}.out')
    out = open(out_path, 'wb')
    p = procs.start(label, [args.natter] + argv + ['--new-instance', '--log-level', 'debug'],
                    env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    w = Window(label, p)
    w.attach()
    wait_for(f'{label}: Connected', lambda: w.status().startswith('Connected'), timeout=40)
    audit.scan_process(label, p.pid)  # after start-up: the variables must be gone by now
    w.send(message)
    wait_for(f'{label}: its message shown', lambda: e2e.count_in(w.items('Messages'), message) >= 1)
    time.sleep(1.5)  # let the outbox confirm and the settings be written
    audit.scan_process(label, p.pid)
    Procs.stop(p)
    out.close()
    files = audit.scan_tree(label, home)
    with open(out_path, 'rb') as f:
        text = f.read()
    if b'connection status' not in text:  # a debug line: the audit must see debug logging
        raise CheckFailed(f'{label}: no debug log in its output:\n{text.decode(errors="replace")[-2000:]}')
    audit.scan_bytes(f'{label}: stdout/stderr', text)
    log(f'{label}: {len(text)} bytes of debug output and the files it wrote scanned')
    log(f'{label}: output and the files it wrote scanned: {", ".join(files)}')


def run_cli(args, procs, audit, work, label, argv, secret_env, wait_line):
    home, env = private_env(work, label)
    env.update(secret_env)
    env['QT_QPA_PLATFORM'] = 'offscreen'
    out_path = os.path.join(audit.logdir, f'{label}.out')
    out = open(out_path, 'wb')
    p = procs.start(label, [args.cli] + argv, env=env, stdin=subprocess.DEVNULL, stdout=out,
                    stderr=subprocess.STDOUT)

    if wait_line is None:  # a one-shot command: too short-lived to look at its /proc entry
        if p.wait(30) != 0:
            raise CheckFailed(f'{label}: exit status {p.returncode}')
    else:
        def ready():
            if p.poll() is not None:
                return True
            with open(out_path, 'rb') as f:
                return wait_line.encode() in f.read()
        wait_for(f'{label}: {wait_line}', ready, timeout=30)
        if p.poll() is None:
            audit.scan_process(label, p.pid)
            Procs.stop(p)
    out.close()
    with open(out_path, 'rb') as f:
        text = f.read()
    if wait_line is not None and wait_line.encode() not in text:
        raise CheckFailed(f'{label}: no "{wait_line}" in its output:\n{text.decode(errors="replace")[-2000:]}')
    audit.scan_bytes(f'{label}: stdout/stderr', text)
    audit.scan_tree(label, home)
    log(f'{label}: ok')


def run(args, procs, audit, work, logdir):
    app_secret = 'appsecret-' + secrets.token_hex(12)
    join_password = 'joinpw-' + secrets.token_hex(12)
    audit.secrets = {'app secret': app_secret, 'join password': join_password}
    audit.logdir = logdir  # what each process printed stays there for a look

    os.environ['SOKETI_DEFAULT_APP_SECRET'] = app_secret
    soketi = Soketi(procs, args.node, logdir)
    soketi.start()
    os.environ.pop('SOKETI_DEFAULT_APP_SECRET')
    server = SecretServer(procs, args.server, logdir, work, app_secret, join_password)
    server.start(soketi.port)
    proxy = RecordingProxy(server.url)
    try:
        Atspi.init()
        # 1. natter-server mode: join password from the environment, session token in memory.
        run_natter(args, procs, audit, work, 'natter-server-mode',
                   ['--server', proxy.url, '--user', 'alice', '--room', 'lobby',
                    '--password-env', 'NATTER_TEST_JOIN'],
                   {'NATTER_TEST_JOIN': join_password}, 'hello through the server')
        if not proxy.tokens:
            raise CheckFailed('natter-server handed out no session token through the proxy')
        audit.secrets['bearer token'] = proxy.tokens[0]
        # 2. Local signing: the app secret from NATTER_SECRET.
        run_natter(args, procs, audit, work, 'natter-local-signing',
                   ['--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls', '--key', 'app-key',
                    '--user', 'bob', '--room', 'lobby'],
                   {'NATTER_SECRET': app_secret}, 'hello signed locally')
        # 3. natter-cli: the app secret and a bearer token of its own.
        run_cli(args, procs, audit, work, 'cli-listen-secret',
                ['listen', '--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls', '--key',
                 'app-key', '--user-id', 'carol', '--user-info', '{"name":"Carol"}', '--timeout', '60',
                 'presence-lobby'],
                {'NATTER_SECRET': app_secret}, '"subscribed"')
        conn = http.client.HTTPConnection('127.0.0.1', urllib.parse.urlsplit(server.url).port, timeout=10)
        conn.request('POST', '/session', body=json.dumps({'name': 'dave', 'password': join_password}),
                     headers={'Content-Type': 'application/json'})
        r = conn.getresponse()
        body = r.read()
        if r.status != 201:
            raise SetupFailed(f'POST /session for dave: {r.status} {body!r}')
        cli_token = json.loads(body)['token']
        audit.secrets['bearer token (natter-cli)'] = cli_token
        run_cli(args, procs, audit, work, 'cli-listen-bearer',
                ['listen', '--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls', '--key',
                 'app-key', '--auth-endpoint', server.url + '/pusher/auth', '--timeout', '60',
                 'presence-lobby'],
                {'NATTER_AUTH_HEADER': f'Authorization: Bearer {cli_token}'}, '"subscribed"')
        run_cli(args, procs, audit, work, 'cli-trigger',
                ['trigger', '--host', '127.0.0.1', '--port', str(soketi.port), '--no-tls', '--app-id',
                 'app-id', '--key', 'app-key', 'public-audit', 'ping', '{"n":1}'],
                {'NATTER_SECRET': app_secret}, None)
    finally:
        proxy.close()
    if audit.failures:
        raise CheckFailed('secrets leaked:\n  ' + '\n  '.join(audit.failures))
    log('no secret in any file, output, command line or environment: ok')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--natter', default=os.path.join(e2e.ROOT, 'build/ui/natter'))
    ap.add_argument('--cli', default=os.path.join(e2e.ROOT, 'build/cli/natter-cli'))
    ap.add_argument('--server', default=os.path.join(e2e.ROOT, 'build/server/natter-server'))
    ap.add_argument('--node', default='node')
    ap.add_argument('--artifacts', default=os.environ.get('NATTER_ARTIFACT_DIR',
                                                          os.path.join(e2e.ROOT, 'build/test-artifacts')))
    args = ap.parse_args()
    if not os.environ.get('DISPLAY') or os.environ.get('QT_LINUX_ACCESSIBILITY_ALWAYS_ON') != '1':
        print('run me under HS_A11Y=1 scripts/headless-session', file=sys.stderr)
        return 2
    for path in (args.natter, args.cli, args.server):
        if not os.access(path, os.X_OK):
            print(f'not built: {path}', file=sys.stderr)
            return 2
    logdir = os.path.join(args.artifacts, 'e2e-secrets-logs')
    os.makedirs(logdir, exist_ok=True)
    procs = Procs()
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    rc = 0
    with tempfile.TemporaryDirectory(prefix='natter-e2e-secrets-') as work:
        os.chmod(work, 0o700)
        audit = Audit(work)
        try:
            run(args, procs, audit, work, logdir)
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
            procs.stop_all()
    return rc


if __name__ == '__main__':
    sys.exit(main())
