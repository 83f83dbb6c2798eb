#!/usr/bin/env node
// An independent Pusher peer for Natter's integration tests, built on the official pusher-js client.
// Private and presence channels are authorized in-process with the official `pusher` server SDK.
//
// usage: node pusherjs-peer.js --host H --port P --key K --secret S --channel NAME
//                              [--user-id ID] [--user-info JSON] [--app-id ID]
//                              [--master-key BASE64] [--verbose]
//
// stdout: one JSON object per line:
//   {"type":"state","previous":"connecting","current":"connected","socket_id":"1.2"}  (socket_id once connected)
//   {"type":"subscribed","channel":"presence-x","members":["u1","u2"],"me":"u1"}       (members/me: presence only)
//   {"type":"member_added","id":"u2","info":{...}}
//   {"type":"member_removed","id":"u2"}
//   {"type":"event","event":"client-typing","channel":"...","data":...,"user_id":"u2"|null}
//   {"type":"triggered","event":"client-x","ok":true|false}      (answer to `trigger`)
//   {"type":"unsubscribed","channel":"..."}                      (answer to `leave`)
//   {"type":"error","kind":"subscription"|"connection"|"command"|"auth"|"usage","message":...,...}
// stdin: one command per line:
//   trigger EVENT JSON     channel.trigger(EVENT, JSON) (a client event: EVENT must start with client-)
//   leave                  unsubscribe from the channel
//   quit                   disconnect and exit 0
// Exits 0 when stdin closes (after disconnecting), 2 on a usage error.
'use strict';

const readline = require('readline');
const Pusher = require('pusher-js');
const PusherServer = require('pusher');

function out(obj) {
    // stdout to a pipe or file is synchronous on Linux, so every line is flushed as written.
    process.stdout.write(JSON.stringify(obj) + '\n');
}

function usage(message) {
    out({ type: 'error', kind: 'usage', message });
    process.stderr.write(
        'usage: node pusherjs-peer.js --host H --port P --key K --secret S --channel NAME ' +
        '[--user-id ID] [--user-info JSON] [--app-id ID] [--master-key BASE64] [--verbose]\n');
    process.exit(2);
}

function parseArgs(argv) {
    const opts = { appId: 'app-id', verbose: false };
    const valued = {
        '--host': 'host', '--port': 'port', '--key': 'key', '--secret': 'secret',
        '--channel': 'channel', '--user-id': 'userId', '--user-info': 'userInfo',
        '--app-id': 'appId', '--master-key': 'masterKey',
    };
    for (let i = 0; i < argv.length; i++) {
        let arg = argv[i];
        let value;
        const eq = arg.indexOf('=');
        if (arg.startsWith('--') && eq > 0) {
            value = arg.slice(eq + 1);
            arg = arg.slice(0, eq);
        }
        if (arg === '--verbose') {
            opts.verbose = true;
            continue;
        }
        if (!(arg in valued))
            usage(`unknown argument ${arg}`);
        if (value === undefined) {
            if (i + 1 >= argv.length)
                usage(`${arg} needs a value`);
            value = argv[++i];
        }
        opts[valued[arg]] = value;
    }
    for (const required of ['host', 'port', 'key', 'secret', 'channel']) {
        if (opts[required] === undefined)
            usage(`--${required} is required`);
    }
    opts.port = Number(opts.port);
    if (!Number.isInteger(opts.port) || opts.port <= 0 || opts.port > 65535)
        usage('--port must be a port number');
    if (opts.userInfo !== undefined) {
        try {
            opts.userInfo = JSON.parse(opts.userInfo);
        } catch (e) {
            usage(`--user-info is not valid JSON: ${e.message}`);
        }
    }
    if (opts.userId === undefined)
        opts.userId = `pusherjs-${process.pid}`;
    return opts;
}

const opts = parseArgs(process.argv.slice(2));
const channelName = opts.channel;
const isPresence = channelName.startsWith('presence-');

const serverConfig = {
    appId: opts.appId, key: opts.key, secret: opts.secret,
    host: opts.host, port: String(opts.port), useTLS: false,
};
if (opts.masterKey !== undefined)
    serverConfig.encryptionMasterKeyBase64 = opts.masterKey;
const authorizer = new PusherServer(serverConfig);

if (opts.verbose)
    Pusher.log = (message) => process.stderr.write(`pusher-js: ${message}\n`);

const pusher = new Pusher(opts.key, {
    wsHost: opts.host,
    wsPort: opts.port,
    forceTLS: false,
    enabledTransports: ['ws'],
    cluster: 'mt1',
    disableStats: true,
    channelAuthorization: {
        customHandler: ({ socketId, channelName: name }, callback) => {
            try {
                const presenceData = name.startsWith('presence-')
                    ? { user_id: opts.userId, user_info: opts.userInfo }
                    : undefined;
                if (presenceData && presenceData.user_info === undefined)
                    delete presenceData.user_info;
                callback(null, authorizer.authorizeChannel(socketId, name, presenceData));
            } catch (e) {
                out({ type: 'error', kind: 'auth', channel: name, message: String(e.message || e) });
                callback(e, null);
            }
        },
    },
});

pusher.connection.bind('state_change', ({ previous, current }) => {
    const line = { type: 'state', previous, current };
    if (current === 'connected')
        line.socket_id = pusher.connection.socket_id;
    out(line);
});
pusher.connection.bind('error', (err) => {
    const line = { type: 'error', kind: 'connection' };
    if (err && err.type)
        line.error_type = err.type;
    if (err && err.error && err.error.data) {
        line.code = err.error.data.code;
        line.message = err.error.data.message;
    } else if (err && err.error) {
        line.message = String(err.error.message || err.error.type || err.error);
    }
    out(line);
});

const channel = pusher.subscribe(channelName);

// bind_global callbacks get (event, data) only; the sender's user_id (presence client events) is
// only on the raw event, so remember it while the channel dispatches that event.
let currentUserId = null;
const originalHandleEvent = channel.handleEvent.bind(channel);
channel.handleEvent = (event) => {
    currentUserId = event.user_id === undefined ? null : event.user_id;
    try {
        originalHandleEvent(event);
    } finally {
        currentUserId = null;
    }
};

channel.bind('pusher:subscription_succeeded', (members) => {
    const line = { type: 'subscribed', channel: channelName };
    if (isPresence && members) {
        const ids = [];
        members.each((member) => ids.push(member.id));
        line.members = ids;
        line.me = members.me ? members.me.id : null;
    }
    out(line);
});
channel.bind('pusher:subscription_error', (status) => {
    out({
        type: 'error', kind: 'subscription', channel: channelName,
        status: status && status.status, message: status && (status.error || status.type),
    });
});
if (isPresence) {
    channel.bind('pusher:member_added', (member) => out({ type: 'member_added', id: member.id, info: member.info }));
    channel.bind('pusher:member_removed', (member) => out({ type: 'member_removed', id: member.id }));
}
channel.bind_global((event, data) => {
    if (event.startsWith('pusher:'))
        return;
    out({ type: 'event', event, channel: channelName, data, user_id: currentUserId });
});

let exiting = false;
function quit() {
    if (exiting)
        return;
    exiting = true;
    pusher.disconnect();
    // Give the close frame a moment to leave; the process exit closes the socket in any case.
    setTimeout(() => process.exit(0), 100);
}

function handleCommand(line) {
    const text = line.trim();
    if (text === '')
        return;
    const match = /^(\S+)(?:\s+(\S+))?(?:\s+([\s\S]*))?$/.exec(text);
    const command = match[1];
    if (command === 'quit') {
        quit();
    } else if (command === 'leave') {
        pusher.unsubscribe(channelName);
        out({ type: 'unsubscribed', channel: channelName });
    } else if (command === 'trigger') {
        const event = match[2];
        if (!event) {
            out({ type: 'error', kind: 'command', message: 'usage: trigger EVENT JSON' });
            return;
        }
        let data = {};
        if (match[3] !== undefined) {
            try {
                data = JSON.parse(match[3]);
            } catch (e) {
                out({ type: 'error', kind: 'command', message: `trigger: data is not valid JSON: ${e.message}` });
                return;
            }
        }
        const ok = channel.trigger(event, data);
        out({ type: 'triggered', event, ok: Boolean(ok) });
    } else {
        out({ type: 'error', kind: 'command', message: `unknown command: ${command}` });
    }
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', handleCommand);
rl.on('close', quit);
process.on('SIGTERM', quit);
process.on('SIGINT', quit);
