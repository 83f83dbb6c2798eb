#!/usr/bin/env node
// A hostile Pusher-protocol server for Natter's input audit: it sends what a real server would
// relay from a malicious peer, and what soketi never would (100,000 members, a 1 MB member name,
// bytes that are not UTF-8), from its own process so the client's event loop pays only for its
// own work.
//
// usage: node tests/node/hostile-server.js
//
// Listens on 127.0.0.1 (a free port) and prints {"type":"ready","port":P}. Each WebSocket gets
// pusher:connection_established; pusher:ping gets pusher:pong; a subscribe gets
// subscription_succeeded (presence channels: the subscriber's channel_data member plus what
// "members" configured) and prints {"type":"subscribed","channel":C,"connection":N}.
// Commands, one JSON object per stdin line, act on the newest connection:
//   {"cmd":"members","count":N,"bigName":BYTES}  the next presence lists: N extra members m0..,
//       and "bob" whose name is BYTES characters ("Bob" when 0)
//   {"cmd":"flood","channel":C,"count":N,"rate":R,"userId":U,"text":T}  N client-message events
//       stamped with user_id U, R per second (in batches every 10 ms); prints
//       {"type":"flooded","count":N,"ms":elapsed}
//   {"cmd":"frame","text":T}  one text frame as given; {"cmd":"raw","base64":B} one text frame
//       with exactly these bytes (invalid UTF-8 included); each prints {"type":"sent"}
'use strict';

const net = require('net');
const crypto = require('crypto');
const readline = require('readline');

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function out(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

function encodeFrame(body, opcode = 0x1) {
    let header;
    if (body.length < 126) {
        header = Buffer.from([0x80 | opcode, body.length]);
    } else if (body.length < 0x10000) {
        header = Buffer.alloc(4);
        header[0] = 0x80 | opcode;
        header[1] = 126;
        header.writeUInt16BE(body.length, 2);
    } else {
        header = Buffer.alloc(10);
        header[0] = 0x80 | opcode;
        header[1] = 127;
        header.writeBigUInt64BE(BigInt(body.length), 2);
    }
    return Buffer.concat([header, body]);
}

// Big messages go out as 64 KB fragments, as Qt and most servers send them (Natter refuses
// single frames above 256 KB, not big messages).
function message(body) {
    const FRAGMENT = 64 * 1024;
    if (body.length <= FRAGMENT)
        return encodeFrame(body);
    const parts = [];
    for (let at = 0; at < body.length; at += FRAGMENT) {
        const last = at + FRAGMENT >= body.length;
        const frame = encodeFrame(body.subarray(at, at + FRAGMENT), at === 0 ? 0x1 : 0x0);
        if (!last)
            frame[0] &= 0x7f; // FIN only on the last fragment
        parts.push(frame);
    }
    return Buffer.concat(parts);
}

const textFrame = (text) => message(Buffer.from(text, 'utf8'));
const pusherFrame = (event, channel, data) =>
    textFrame(JSON.stringify(channel === undefined ? { event, data } : { event, channel, data }));

function decodeFrame(buf) {
    if (buf.length < 2)
        return null;
    const fin = (buf[0] & 0x80) !== 0;
    const opcode = buf[0] & 0x0f;
    const masked = (buf[1] & 0x80) !== 0;
    let length = buf[1] & 0x7f;
    let offset = 2;
    if (length === 126) {
        if (buf.length < 4)
            return null;
        length = buf.readUInt16BE(2);
        offset = 4;
    } else if (length === 127) {
        if (buf.length < 10)
            return null;
        length = Number(buf.readBigUInt64BE(2));
        offset = 10;
    }
    const maskOffset = offset;
    if (masked)
        offset += 4;
    if (buf.length < offset + length)
        return null;
    const payload = Buffer.from(buf.subarray(offset, offset + length));
    if (masked) {
        for (let i = 0; i < payload.length; i++)
            payload[i] ^= buf[maskOffset + (i & 3)];
    }
    return { fin, opcode, payload, used: offset + length };
}

let extraMembers = 0;
let bigName = 0;
const connections = [];

function presenceData(channelData) {
    const ids = [];
    const hash = {};
    try {
        const me = JSON.parse(channelData);
        ids.push(String(me.user_id));
        hash[String(me.user_id)] = me.user_info || {};
    } catch (e) {
        // no member of its own
    }
    ids.push('bob');
    hash.bob = { name: bigName > 0 ? 'B'.repeat(bigName) : 'Bob' };
    for (let i = 0; i < extraMembers; i++) {
        ids.push(`m${i}`);
        hash[`m${i}`] = { name: `Member ${i}` };
    }
    return JSON.stringify({ presence: { ids, hash, count: ids.length } });
}

function handleConnection(socket) {
    socket.setNoDelay(true);
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let fragments = [];
    const conn = { socket, closed: false, index: connections.length };
    connections.push(conn);
    socket.on('close', () => { conn.closed = true; });

    const handleText = (text) => {
        let message;
        try {
            message = JSON.parse(text);
        } catch (e) {
            return;
        }
        if (message.event === 'pusher:ping') {
            socket.write(pusherFrame('pusher:pong', undefined, '{}'));
        } else if (message.event === 'pusher:subscribe') {
            const data = typeof message.data === 'string' ? JSON.parse(message.data) : message.data;
            const channel = data && data.channel;
            if (typeof channel !== 'string')
                return;
            const payload = channel.startsWith('presence-') ? presenceData(data.channel_data) : '{}';
            socket.write(pusherFrame('pusher_internal:subscription_succeeded', channel, payload));
            out({ type: 'subscribed', channel, connection: conn.index });
        }
    };

    const handshake = () => {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0)
            return false;
        const head = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        const key = /^sec-websocket-key:[ \t]*(\S+)/im.exec(head);
        if (!key) {
            socket.end('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nOK\n');
            return false;
        }
        const accept = crypto.createHash('sha1').update(key[1] + WS_GUID).digest('base64');
        socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
                     `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
        socket.write(pusherFrame('pusher:connection_established', undefined,
                                 JSON.stringify({ socket_id: `${conn.index + 1}.1`, activity_timeout: 120 })));
        upgraded = true;
        return true;
    };

    socket.on('data', (data) => {
        buffer = buffer.length === 0 ? data : Buffer.concat([buffer, data]);
        if (!upgraded && !handshake())
            return;
        let frame;
        while (!conn.closed && (frame = decodeFrame(buffer))) {
            buffer = buffer.subarray(frame.used);
            if (frame.opcode === 0x0 || frame.opcode === 0x1) {
                fragments.push(frame.payload);
                if (frame.fin) {
                    const text = Buffer.concat(fragments).toString('utf8');
                    fragments = [];
                    handleText(text);
                }
            } else if (frame.opcode === 0x8) {
                socket.end(encodeFrame(frame.payload.subarray(0, 2), 0x8));
                conn.closed = true;
            } else if (frame.opcode === 0x9) {
                socket.write(encodeFrame(frame.payload, 0xA));
            }
        }
    });
}

function newest() {
    for (let i = connections.length - 1; i >= 0; i--) {
        if (!connections[i].closed)
            return connections[i];
    }
    return null;
}

function flood(cmd) {
    const conn = newest();
    const started = process.hrtime.bigint();
    const perTick = Math.max(1, Math.round(cmd.rate / 100));
    let sent = 0;
    const tick = () => {
        if (!conn || conn.closed) {
            out({ type: 'flooded', count: sent, ms: 0, error: 'no connection' });
            return;
        }
        const frames = [];
        for (let i = 0; i < perTick && sent < cmd.count; i++, sent++) {
            frames.push(textFrame(JSON.stringify({
                event: 'client-message', channel: cmd.channel, user_id: cmd.userId,
                data: { id: `f${sent}`, text: `${cmd.text} ${sent}` } })));
        }
        conn.socket.write(Buffer.concat(frames));
        if (sent < cmd.count) {
            // Paced against the start, so the rate holds when a tick runs late.
            const due = Number(started) / 1e6 + (sent / cmd.rate) * 1000;
            setTimeout(tick, Math.max(0, due - Number(process.hrtime.bigint()) / 1e6));
        } else {
            out({ type: 'flooded', count: sent, ms: Number(process.hrtime.bigint() - started) / 1e6 });
        }
    };
    tick();
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
    let cmd;
    try {
        cmd = JSON.parse(line);
    } catch (e) {
        out({ type: 'error', message: 'not JSON' });
        return;
    }
    if (cmd.cmd === 'members') {
        extraMembers = cmd.count || 0;
        bigName = cmd.bigName || 0;
        out({ type: 'ok' });
    } else if (cmd.cmd === 'flood') {
        flood(cmd);
    } else if (cmd.cmd === 'frame' || cmd.cmd === 'raw') {
        const conn = newest();
        if (!conn) {
            out({ type: 'error', message: 'no connection' });
            return;
        }
        const body = cmd.cmd === 'raw' ? Buffer.from(cmd.base64, 'base64') : Buffer.from(cmd.text, 'utf8');
        conn.socket.write(message(body));
        out({ type: 'sent' });
    }
});

const server = net.createServer(handleConnection);
server.listen(0, '127.0.0.1', () => out({ type: 'ready', port: server.address().port }));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
