#!/usr/bin/env node
// The pusher-js peer of bench/chaos: the official pusher-js client in one presence room, as a
// receiver to compare Natter with. Authorized by natter-server (--server URL --token T) or
// in-process with the `pusher` SDK (--secret S --user-id ID, the serverless mode).
//
// usage: node bench/chaos-peer.js --host H --port P --key K --channel presence-R
//                                 (--server URL --token T | --secret S --user-id ID)
// stdout, one JSON object per line:
//   {"type":"state","current":"connected"}
//   {"type":"subscribed","members":["u_1",...]}          every (re)subscription
//   {"type":"members","members":[...]}                   a member joined or left
//   {"type":"event","event":"new_message","text":"alice:12"}
//   {"type":"report","members":[...]}                    answer to "report"
// stdin: "report", "quit".
'use strict';

const path = require('path');
const readline = require('readline');
const modules = path.join(__dirname, '..', 'tests', 'node', 'node_modules');
const Pusher = require(path.join(modules, 'pusher-js'));

function out(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

const opts = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2)
    opts[argv[i].replace(/^--/, '')] = argv[i + 1];

const options = {
    wsHost: opts.host,
    wsPort: Number(opts.port),
    forceTLS: false,
    enabledTransports: ['ws'],
    cluster: 'mt1',
    disableStats: true,
};
if (opts.server) {
    options.channelAuthorization = {
        endpoint: opts.server.replace(/\/$/, '') + '/pusher/auth',
        transport: 'ajax',
        headers: { Authorization: `Bearer ${opts.token}` },
    };
} else {
    const PusherServer = require(path.join(modules, 'pusher'));
    const signer = new PusherServer({ appId: 'app-id', key: opts.key, secret: opts.secret });
    options.channelAuthorization = {
        customHandler: ({ socketId, channelName }, callback) => {
            callback(null, signer.authorizeChannel(socketId, channelName,
                { user_id: opts['user-id'], user_info: { name: opts['user-id'] } }));
        },
    };
}
const pusher = new Pusher(opts.key, options);
pusher.connection.bind('state_change', ({ current }) => out({ type: 'state', current }));

function memberIds(channel) {
    const ids = [];
    channel.members.each((m) => ids.push(m.id));
    return ids;
}

const channel = pusher.subscribe(opts.channel);
channel.bind('pusher:subscription_succeeded', () => out({ type: 'subscribed', members: memberIds(channel) }));
channel.bind('pusher:member_added', () => out({ type: 'members', members: memberIds(channel) }));
channel.bind('pusher:member_removed', () => out({ type: 'members', members: memberIds(channel) }));
channel.bind('pusher:subscription_error', (status) => out({ type: 'error', status: status && status.status }));
channel.bind_global((event, data) => {
    if (event.startsWith('pusher:'))
        return;
    out({ type: 'event', event, text: data && data.text });
});

function quit() {
    pusher.disconnect();
    setTimeout(() => process.exit(0), 100);
}
const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
    if (line.trim() === 'report')
        out({ type: 'report', members: memberIds(channel) });
    else if (line.trim() === 'quit')
        quit();
});
rl.on('close', quit);
process.on('SIGTERM', quit);
