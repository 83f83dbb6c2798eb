#!/usr/bin/env node
// A pusher-js client that is authorized by natter-server (never holding the app secret), and the
// official `pusher` SDK's signing helper, as independent peers for natter-server's tests.
//
// listen: node natter-server-peer.js --server URL --token TOKEN --host H --port P --key K
//                                    --channels presence-a,private-b [--batch]
//   Subscribes with pusher-js's channelAuthorization (endpoint URL/pusher/auth, header
//   "Authorization: Bearer TOKEN"), or with --batch through the pusher-js-auth 4.0.1 plugin
//   (one request for all channels).
//   stdout, one JSON object per line:
//     {"type":"state","current":"connected","socket_id":"1.2"}
//     {"type":"subscribed","channel":"presence-a","members":[...],"me":"u_..."}
//     {"type":"error","kind":"subscription","channel":"...","status":403}
//     {"type":"event","event":"new_message","channel":"...","data":{...}}
//     {"type":"auth_request","url":"/pusher/auth","channels":["presence-a","private-b"]}  (every HTTP auth request)
//   stdin: "quit" (or EOF) disconnects and exits 0.
// sign:   node natter-server-peer.js sign --key K --secret S --socket-id ID --channel C
//                                    [--channel-data JSON] [--user-data JSON]
//   prints {"type":"signed","auth":...,"channel_data":...} from the pusher SDK's
//   authorizeChannel (or authenticateUser with --user-data) and exits 0.
'use strict';

const readline = require('readline');

function out(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

function parseArgs(argv) {
    const opts = { batch: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--batch') {
            opts.batch = true;
        } else if (arg.startsWith('--')) {
            opts[arg.slice(2)] = argv[++i];
        } else {
            opts.mode = arg;
        }
    }
    return opts;
}

const opts = parseArgs(process.argv.slice(2));

if (opts.mode === 'sign') {
    const PusherServer = require('pusher');
    const server = new PusherServer({ appId: 'app-id', key: opts.key, secret: opts.secret });
    if (opts['user-data'] !== undefined) {
        const signed = server.authenticateUser(opts['socket-id'], JSON.parse(opts['user-data']));
        out({ type: 'signed', auth: signed.auth, user_data: signed.user_data });
    } else {
        const data = opts['channel-data'] === undefined ? undefined : JSON.parse(opts['channel-data']);
        const signed = server.authorizeChannel(opts['socket-id'], opts.channel, data);
        out({ type: 'signed', auth: signed.auth, channel_data: signed.channel_data });
    }
    process.exit(0);
}

for (const required of ['server', 'token', 'host', 'port', 'key', 'channels']) {
    if (opts[required] === undefined) {
        out({ type: 'error', kind: 'usage', message: `--${required} is required` });
        process.exit(2);
    }
}

// Every auth request pusher-js (or the plugin) sends goes through the XHR class of pusher-js's
// node runtime; wrapping it lets the test count requests without touching the server.
const Pusher = require('pusher-js');
const runtime = Pusher.Runtime;
const OriginalXHR = runtime.getXHRAPI();
// (The xmlhttprequest package defines open/send per instance, so they are wrapped per instance.)
runtime.getXHRAPI = () => function CountingXHR() {
    const xhr = new OriginalXHR();
    const open = xhr.open;
    const send = xhr.send;
    let url = '';
    xhr.open = function (method, target, ...rest) {
        url = target;
        return open.call(xhr, method, target, ...rest);
    };
    xhr.send = function (body) {
        const channels = [];
        for (const [key, value] of new URLSearchParams(body || '')) {
            if (key.startsWith('channel_name'))
                channels.push(value);
        }
        out({ type: 'auth_request', url: new URL(url).pathname, channels });
        return send.call(xhr, body);
    };
    return xhr;
};

const endpoint = opts.server.replace(/\/$/, '') + '/pusher/auth';
const headers = { Authorization: `Bearer ${opts.token}` };
const options = {
    wsHost: opts.host,
    wsPort: Number(opts.port),
    forceTLS: false,
    enabledTransports: ['ws'],
    cluster: 'mt1',
    disableStats: true,
};
if (opts.batch) {
    options.authorizer = require('pusher-js-auth');
    options.authEndpoint = endpoint;
    options.auth = { headers };
} else {
    options.channelAuthorization = { endpoint, transport: 'ajax', headers };
}
const pusher = new Pusher(opts.key, options);

pusher.connection.bind('state_change', ({ current }) => {
    const line = { type: 'state', current };
    if (current === 'connected')
        line.socket_id = pusher.connection.socket_id;
    out(line);
});

for (const name of opts.channels.split(',')) {
    const channel = pusher.subscribe(name);
    channel.bind('pusher:subscription_succeeded', (members) => {
        const line = { type: 'subscribed', channel: name };
        if (name.startsWith('presence-') && members) {
            const ids = [];
            members.each((member) => ids.push(member.id));
            line.members = ids;
            line.me = members.me ? members.me.id : null;
            line.me_info = members.me ? members.me.info : null;
        }
        out(line);
    });
    channel.bind('pusher:subscription_error', (status) => {
        out({ type: 'error', kind: 'subscription', channel: name,
              status: typeof status === 'number' ? status : status && status.status });
    });
    channel.bind_global((event, data) => {
        if (!event.startsWith('pusher:'))
            out({ type: 'event', event, channel: name, data });
    });
}

function quit() {
    pusher.disconnect();
    setTimeout(() => process.exit(0), 100);
}
const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => { if (line.trim() === 'quit') quit(); });
rl.on('close', quit);
process.on('SIGTERM', quit);
