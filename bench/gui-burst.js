#!/usr/bin/env node
// The burst source for `bench/gui --source soketi`: a second Pusher client (the `ws` package, no
// pusher-js overhead) that joins a presence room on a real server as user "burst" (channel auth
// signed locally with the app secret, as the `pusher` SDK's authorizeChannel does) and, on the
// command `go N [BYTES]` (stdin), sends N `client-message` events in Natter's wire form as fast as
// its socket drains. Note: soketi caps each receiver's send buffer (uWS maxBackpressure 1 MB) and
// drops what does not fit, so a receiver that stalls loses messages; bench/gui reports that.
//
// usage: node bench/gui-burst.js --host H --port P --key K --secret S [--channel presence-lobby]
// stdout (JSON lines): {"type":"subscribed","members":[..]}
//                      {"type":"sent","count":N,"start_epoch_ms":..,"end_epoch_ms":..}
//                      {"type":"error","message":..}
'use strict';

const crypto = require('crypto');
const path = require('path');
const readline = require('readline');
const { createRequire } = require('module');

const nodeDir = process.env.NATTER_NODE_DIR || path.join(__dirname, '..', 'tests', 'node');
const WebSocket = createRequire(path.join(nodeDir, 'package.json'))('ws');

function out(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

const opts = { channel: 'presence-lobby', user: 'burst' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2)
    opts[argv[i].replace(/^--/, '')] = argv[i + 1];
for (const k of ['host', 'port', 'key', 'secret']) {
    if (!opts[k]) {
        process.stderr.write('usage: node gui-burst.js --host H --port P --key K --secret S [--channel C]\n');
        process.exit(2);
    }
}

const ws = new WebSocket(`ws://${opts.host}:${opts.port}/app/${opts.key}?protocol=7&client=natter-bench&version=1.0`);
let round = 0;
const FILLER = 'the quick brown fox jumps over the lazy dog while the chat keeps scrolling along ';

function textOf(seq, bytes) {
    let t = `#${seq} `;
    while (t.length < bytes)
        t += FILLER;
    return t.slice(0, bytes);
}

function go(n, bytes) {
    round++;
    const sentAt = new Date().toISOString();
    const start = Date.now();
    let i = 0;
    const pump = () => {
        // Keep at most ~1 MB queued in our socket: soketi reads as fast as it relays.
        while (i < n && ws.bufferedAmount < 1 << 20) {
            ws.send(JSON.stringify({
                event: 'client-message', channel: opts.channel,
                data: { id: `burst-${process.pid}-${round}-${i}`, text: textOf(i, bytes), sent_at: sentAt,
                        user: { id: opts.user, name: 'Burst' } },
            }));
            i++;
        }
        if (i < n)
            setImmediate(pump);
        else
            ws.send('{"event":"pusher:ping","data":{}}', () => out({ type: 'sent', count: n, start_epoch_ms: start, end_epoch_ms: Date.now() }));
    };
    pump();
}

ws.on('message', (raw) => {
    let msg;
    try {
        msg = JSON.parse(raw);
    } catch (e) {
        return;
    }
    const data = typeof msg.data === 'string' ? JSON.parse(msg.data || '{}') : msg.data;
    if (msg.event === 'pusher:connection_established') {
        const channelData = JSON.stringify({ user_id: opts.user, user_info: { name: 'Burst' } });
        const sig = crypto.createHmac('sha256', opts.secret)
            .update(`${data.socket_id}:${opts.channel}:${channelData}`).digest('hex');
        ws.send(JSON.stringify({ event: 'pusher:subscribe',
                                 data: { channel: opts.channel, auth: `${opts.key}:${sig}`, channel_data: channelData } }));
    } else if (msg.event === 'pusher_internal:subscription_succeeded') {
        out({ type: 'subscribed', members: (data.presence && data.presence.ids) || [] });
    } else if (msg.event === 'pusher:error') {
        out({ type: 'error', message: JSON.stringify(data) });
    } else if (msg.event === 'pusher:ping') {
        ws.send('{"event":"pusher:pong","data":{}}');
    }
});
ws.on('error', (e) => {
    out({ type: 'error', message: String(e.message || e) });
    process.exit(4);
});

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === 'go')
        go(Number(parts[1] || 10000), Number(parts[2] || 100));
    else if (parts[0] === 'quit')
        process.exit(0);
});
rl.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
