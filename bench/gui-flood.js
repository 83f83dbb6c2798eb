#!/usr/bin/env node
// A minimal Pusher-protocol server for the GUI burst benchmark (bench/gui): it answers the
// handshake, pings and subscriptions (presence channels get the subscriber plus two made-up
// members, bob and carol), and on the command `go N [BYTES]` (stdin) writes N chat messages into
// every subscribed presence channel, in Natter's wire form: `client-message` events as soketi
// relays them (object data, the sender's user_id added):
//   {"event":"client-message","channel":"presence-lobby","user_id":"bob",
//    "data":{"id":"flood-1-42","text":"…","sent_at":"…","user":{"id":"bob","name":"Bob"}}}
// The frames are pre-built and written with TCP back-pressure (no drops, unlike a real server's
// send limits), so the client under test is the bottleneck.
//
//
// For the presence scenarios: `members N` sends every presence subscriber a new
// subscription_succeeded whose member list has N members (the subscriber and N-1 made-up ones,
// m1..), as a server does when it rebuilds the list; `churn N` then writes N member_added /
// member_removed frames back to back (remove one made-up member, add three new ones, repeated:
// the list ends N/2 longer and reaches that size only with the last frame).
//
// usage: node bench/gui-flood.js [PORT=0]
// stdout (JSON lines): {"type":"listening","port":P}
//                      {"type":"subscribed","channel":C,"user_id":U}
//                      {"type":"flood","count":N,"bytes":B,"sockets":S,"start_epoch_ms":..,"written_epoch_ms":..}
//                      {"type":"members"|"churn","count":N,"members_after":M,"sockets":S,"start_epoch_ms":..,"written_epoch_ms":..}
// stdin: `go N [BYTES=100]`, `members N`, `churn N`, `quit`.
'use strict';

const net = require('net');
const crypto = require('crypto');
const readline = require('readline');

const port = Number(process.argv[2] || 0);

function out(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

function frame(str) {
    const p = Buffer.from(str);
    let h;
    if (p.length < 126) {
        h = Buffer.from([0x81, p.length]);
    } else if (p.length < 65536) {
        h = Buffer.alloc(4);
        h[0] = 0x81;
        h[1] = 126;
        h.writeUInt16BE(p.length, 2);
    } else {
        h = Buffer.alloc(10);
        h[0] = 0x81;
        h[1] = 127;
        h.writeBigUInt64BE(BigInt(p.length), 2);
    }
    return Buffer.concat([h, p]);
}

// One client frame from buf: [opcode, text, rest], or null when incomplete.
function unmask(buf) {
    if (buf.length < 2)
        return null;
    let len = buf[1] & 127;
    let off = 2;
    if (len === 126) {
        if (buf.length < 4)
            return null;
        len = buf.readUInt16BE(2);
        off = 4;
    } else if (len === 127) {
        if (buf.length < 10)
            return null;
        len = Number(buf.readBigUInt64BE(2));
        off = 10;
    }
    const masked = buf[1] & 128;
    const key = masked ? buf.subarray(off, off + 4) : null;
    if (masked)
        off += 4;
    if (buf.length < off + len)
        return null;
    const p = Buffer.from(buf.subarray(off, off + len));
    if (masked)
        for (let i = 0; i < p.length; i++)
            p[i] ^= key[i & 3];
    return [buf[0] & 15, p.toString(), buf.subarray(off + len)];
}

const FILLER = 'the quick brown fox jumps over the lazy dog while the chat keeps scrolling along ';
function textOf(seq, bytes) {
    let t = `#${seq} `;
    while (t.length < bytes)
        t += FILLER;
    return t.slice(0, bytes);
}

const subscribers = []; // {sock, channel}
let round = 0;

function flood(n, bytes) {
    round++;
    const targets = subscribers.filter((s) => !s.sock.destroyed && s.channel.startsWith('presence-'));
    const sentAt = new Date().toISOString();
    let start = Date.now();
    let pending = targets.length;
    if (pending === 0) {
        out({ type: 'flood', count: 0, bytes, sockets: 0, start_epoch_ms: start, written_epoch_ms: start });
        return;
    }
    for (const t of targets) {
        const chunks = [];
        let batch = [];
        for (let i = 0; i < n; i++) {
            const who = i % 2 ? 'carol' : 'bob';
            const ev = {
                event: 'client-message', channel: t.channel, user_id: who,
                data: {
                    id: `flood-${round}-${i}`, text: textOf(i, bytes), sent_at: sentAt,
                    user: { id: who, name: who === 'bob' ? 'Bob' : 'Carol' },
                },
            };
            batch.push(frame(JSON.stringify(ev)));
            if (batch.length === 1000) {
                chunks.push(Buffer.concat(batch));
                batch = [];
            }
        }
        if (batch.length)
            chunks.push(Buffer.concat(batch));
        if (t === targets[0])
            start = Date.now(); // frames built: the writing starts now
        let k = 0;
        const pump = () => {
            while (k < chunks.length) {
                const last = k === chunks.length - 1;
                const ok = t.sock.write(chunks[k++], last ? () => {
                    if (--pending === 0)
                        out({ type: 'flood', count: n, bytes, sockets: targets.length, start_epoch_ms: start, written_epoch_ms: Date.now() });
                } : undefined);
                if (!ok)
                    return t.sock.once('drain', pump);
            }
        };
        pump();
    }
}

// Writes one pre-built buffer per presence subscriber and reports when all are written.
function writeAll(type, count, membersAfter, bufferFor) {
    const targets = subscribers.filter((s) => !s.sock.destroyed && s.channel.startsWith('presence-'));
    const buffers = targets.map(bufferFor); // built before the clock starts
    const start = Date.now();
    let pending = targets.length;
    const done = () => out({ type, count, members_after: membersAfter, sockets: targets.length, start_epoch_ms: start, written_epoch_ms: Date.now() });
    if (pending === 0)
        return done();
    targets.forEach((t, i) => t.sock.write(buffers[i], () => {
        if (--pending === 0)
            done();
    }));
}

let presenceSize = 0; // members in the last `members` list, subscriber included
let churnRound = 0;

function members(n) {
    presenceSize = n;
    writeAll('members', n, n, (t) => {
        const hash = {};
        hash[t.userId] = t.userInfo;
        for (let i = 1; Object.keys(hash).length < n; i++)
            hash[`m${i}`] = { name: `Member ${i}` };
        return frame(JSON.stringify({
            event: 'pusher_internal:subscription_succeeded', channel: t.channel,
            data: JSON.stringify({ presence: { ids: Object.keys(hash), hash, count: n } }),
        }));
    });
}

function churn(n) {
    churnRound++;
    let added = 0;
    let removed = 0;
    const frames = [];
    for (let i = 0; i < n; i++) {
        if (i % 4 === 0) {
            removed++;
            frames.push({ event: 'pusher_internal:member_removed', data: JSON.stringify({ user_id: `m${removed}` }) });
        } else {
            added++;
            const id = `c${churnRound}-${added}`;
            frames.push({ event: 'pusher_internal:member_added', data: JSON.stringify({ user_id: id, user_info: { name: `Churn ${churnRound}.${added}` } }) });
        }
    }
    writeAll('churn', n, presenceSize + added - removed,
             (t) => Buffer.concat(frames.map((f) => frame(JSON.stringify(Object.assign({ channel: t.channel }, f))))));
}

const server = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    let upgraded = false;
    sock.setNoDelay(true);
    sock.on('error', () => {});
    sock.on('close', () => {
        for (let i = subscribers.length - 1; i >= 0; i--)
            if (subscribers[i].sock === sock)
                subscribers.splice(i, 1);
    });
    sock.on('data', (d) => {
        buf = Buffer.concat([buf, d]);
        if (!upgraded) {
            const end = buf.indexOf('\r\n\r\n');
            if (end < 0)
                return;
            const head = buf.subarray(0, end).toString();
            buf = buf.subarray(end + 4);
            const m = /Sec-WebSocket-Key: *(.*)/i.exec(head);
            if (!m) {
                sock.end('HTTP/1.1 400 Bad Request\r\n\r\n');
                return;
            }
            const acc = crypto.createHash('sha1').update(m[1].trim() + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
            sock.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acc}\r\n\r\n`);
            const socketId = `${process.pid}.${Math.floor(Math.random() * 1e9)}`;
            sock.write(frame(JSON.stringify({ event: 'pusher:connection_established', data: JSON.stringify({ socket_id: socketId, activity_timeout: 120 }) })));
            upgraded = true;
        }
        let f;
        while ((f = unmask(buf))) {
            const [op, s, rest] = f;
            buf = rest;
            if (op === 8) {
                sock.end();
                return;
            }
            if (op === 9) { // ping frame: pong
                sock.write(Buffer.from([0x8a, 0]));
                continue;
            }
            if (op !== 1)
                continue;
            let msg;
            try {
                msg = JSON.parse(s);
            } catch (e) {
                continue;
            }
            const data = typeof msg.data === 'string' ? (() => { try { return JSON.parse(msg.data); } catch (e) { return {}; } })() : (msg.data || {});
            if (msg.event === 'pusher:ping') {
                sock.write(frame('{"event":"pusher:pong","data":"{}"}'));
            } else if (msg.event === 'pusher:subscribe') {
                const ch = data.channel;
                let payload = '{}';
                let userId = null;
                if (ch.startsWith('presence-')) {
                    let cd = {};
                    try {
                        cd = JSON.parse(data.channel_data || '{}');
                    } catch (e) { /* empty */ }
                    userId = String(cd.user_id);
                    const hash = { bob: { name: 'Bob' }, carol: { name: 'Carol' } };
                    hash[userId] = cd.user_info || {};
                    payload = JSON.stringify({ presence: { ids: Object.keys(hash), hash, count: Object.keys(hash).length } });
                }
                let userInfo = {};
                try {
                    userInfo = JSON.parse(data.channel_data || '{}').user_info || {};
                } catch (e) { /* empty */ }
                subscribers.push({ sock, channel: ch, userId, userInfo });
                sock.write(frame(JSON.stringify({ event: 'pusher_internal:subscription_succeeded', channel: ch, data: payload })));
                out({ type: 'subscribed', channel: ch, user_id: userId });
            } else if (msg.event === 'pusher:unsubscribe') {
                for (let i = subscribers.length - 1; i >= 0; i--)
                    if (subscribers[i].sock === sock && subscribers[i].channel === data.channel)
                        subscribers.splice(i, 1);
            }
            // client events from the app under test, pusher:signin: ignored
        }
    });
});

server.listen(port, '127.0.0.1', () => out({ type: 'listening', port: server.address().port }));

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === 'go') {
        flood(Number(parts[1] || 10000), Number(parts[2] || 100));
    } else if (parts[0] === 'members') {
        members(Number(parts[1] || 1000));
    } else if (parts[0] === 'churn') {
        churn(Number(parts[1] || 200));
    } else if (parts[0] === 'quit') {
        process.exit(0);
    }
});
rl.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
