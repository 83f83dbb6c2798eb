#!/usr/bin/env node
// A minimal Pusher-protocol server that floods a channel, for Natter's throughput benchmark.
//
// usage: node bench/flood-server.js PORT N BYTES
//
// Listens on 127.0.0.1:PORT (plain `net`, hand-made WebSocket handshake) and prints "ready".
// On connect it sends pusher:connection_established; it answers pusher:ping with pusher:pong and
// WebSocket pings with pongs. On pusher:subscribe it sends pusher_internal:subscription_succeeded,
// then N `new_message` events on that channel, each with data = the JSON string of
// {"seq":i,"message":"xxx…"} (BYTES characters of message), then one `done` event with {"count":N}.
// The frames are built before the flood (for channel "bench" before "ready") and written in large
// chunks, waiting for 'drain' whenever the socket buffer is full, so the client is the bottleneck.
// A plain HTTP GET (no upgrade) gets "200 OK", for readiness probes.
'use strict';

const net = require('net');
const crypto = require('crypto');

const [portArg, countArg, bytesArg] = process.argv.slice(2);
const port = Number(portArg);
const count = Number(countArg === undefined ? 200000 : countArg);
const bytes = Number(bytesArg === undefined ? 100 : bytesArg);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(count) || count < 0 ||
    !Number.isInteger(bytes) || bytes < 0) {
    process.stderr.write('usage: node flood-server.js PORT N BYTES\n');
    process.exit(2);
}

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const CHUNK_BYTES = 1 << 20;

// One unmasked server->client frame (FIN set) with the given opcode.
function encodeFrame(payload, opcode = 0x1) {
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
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

function pusherFrame(event, channel, data) {
    const message = { event };
    if (channel !== undefined)
        message.channel = channel;
    message.data = data;
    return encodeFrame(JSON.stringify(message));
}

// Parses one client frame from buf (clients must mask). Returns null if incomplete, else
// { fin, opcode, payload, used }.
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

// The flood for one channel: large Buffers of concatenated frames, cached per channel name.
const floods = new Map();
function buildFlood(channel) {
    if (floods.has(channel))
        return floods.get(channel);
    const message = 'x'.repeat(bytes);
    const chunks = [];
    let pending = [];
    let pendingBytes = 0;
    const push = (frame) => {
        pending.push(frame);
        pendingBytes += frame.length;
        if (pendingBytes >= CHUNK_BYTES) {
            chunks.push(Buffer.concat(pending, pendingBytes));
            pending = [];
            pendingBytes = 0;
        }
    };
    for (let seq = 0; seq < count; seq++)
        push(pusherFrame('new_message', channel, JSON.stringify({ seq, message })));
    push(pusherFrame('done', channel, JSON.stringify({ count })));
    if (pending.length > 0)
        chunks.push(Buffer.concat(pending, pendingBytes));
    floods.set(channel, chunks);
    return chunks;
}

function handleConnection(socket) {
    socket.setNoDelay(true);
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let fragments = [];
    let closed = false;
    socket.on('close', () => { closed = true; });

    const flood = (channel) => {
        const chunks = buildFlood(channel);
        let next = 0;
        const pump = () => {
            while (!closed && next < chunks.length) {
                if (!socket.write(chunks[next++])) {
                    socket.once('drain', pump);
                    return;
                }
            }
        };
        pump();
    };

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
            let data = message.data;
            if (typeof data === 'string') {
                try {
                    data = JSON.parse(data);
                } catch (e) {
                    return;
                }
            }
            const channel = data && data.channel;
            if (typeof channel !== 'string')
                return;
            socket.write(pusherFrame('pusher_internal:subscription_succeeded', channel, '{}'));
            flood(channel);
        }
    };

    // Returns true once upgraded; false while the request is incomplete or after answering it.
    const handshake = () => {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) {
            if (buffer.length >= 16384)
                socket.destroy();
            return false;
        }
        const head = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        const key = /^sec-websocket-key:[ \t]*(\S+)/im.exec(head);
        if (!/^upgrade:[ \t]*websocket/im.test(head) || !key) {
            socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n' +
                       'Connection: close\r\n\r\nOK\n');
            return false;
        }
        const accept = crypto.createHash('sha1').update(key[1] + WS_GUID).digest('base64');
        socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
                     `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
        const socketId = `${crypto.randomInt(1e9)}.${crypto.randomInt(1e9)}`;
        socket.write(pusherFrame('pusher:connection_established', undefined,
                                 JSON.stringify({ socket_id: socketId, activity_timeout: 120 })));
        upgraded = true;
        return true;
    };

    socket.on('data', (data) => {
        buffer = buffer.length === 0 ? data : Buffer.concat([buffer, data]);
        if (!upgraded && !handshake())
            return;
        let frame;
        while (!closed && (frame = decodeFrame(buffer))) {
            buffer = buffer.subarray(frame.used);
            switch (frame.opcode) {
            case 0x0: // continuation
            case 0x1: // text
                fragments.push(frame.payload);
                if (frame.fin) {
                    const text = Buffer.concat(fragments).toString('utf8');
                    fragments = [];
                    handleText(text);
                }
                break;
            case 0x8: // close: echo it and end
                socket.end(encodeFrame(frame.payload.subarray(0, 2), 0x8));
                closed = true;
                return;
            case 0x9: // ping
                socket.write(encodeFrame(frame.payload, 0xA));
                break;
            default: // pong, binary: ignored
                break;
            }
        }
    });
}

const started = process.hrtime.bigint();
buildFlood('bench');
const buildMs = Number(process.hrtime.bigint() - started) / 1e6;

const server = net.createServer(handleConnection);
server.on('error', (e) => {
    process.stderr.write(`flood-server: ${e.message}\n`);
    process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
    process.stderr.write(`flood-server: ${count} events of ${bytes} bytes on 127.0.0.1:${server.address().port}` +
                         ` (frames built in ${buildMs.toFixed(0)} ms)\n`);
    process.stdout.write('ready\n');
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
