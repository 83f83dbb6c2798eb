#!/usr/bin/env node
// Trigger an event through the HTTP API with the official `pusher` server SDK (or GET an info path).
//
// usage: node rest-trigger.js --host H --port P --app-id ID --key K --secret S
//                             --channel NAME[,NAME...] --event EVENT --data JSON [--socket-id X]
//                             [--master-key BASE64]   (needed for private-encrypted- channels)
//        node rest-trigger.js --host H --port P --app-id ID --key K --secret S --get /channels[/NAME[/users]]
//
// stdout: one JSON line {"ok":true|false,"status":HTTP_STATUS,"body":<parsed JSON or text>}
// exit: 0 for a 2xx answer without an "error" member, 1 otherwise (soketi 1.6 sends API errors as
//       HTTP 200 {"error":"...","code":401}), 1 for a network error, 2 for a usage error.
// --data that is not valid JSON is sent as that literal string.
'use strict';

const PusherServer = require('pusher');

function fail(message) {
    process.stderr.write(`rest-trigger: ${message}\n` +
        'usage: node rest-trigger.js --host H --port P --app-id ID --key K --secret S ' +
        '(--channel NAME[,NAME...] --event EVENT --data JSON [--socket-id X] [--master-key B64] | --get PATH)\n');
    process.exit(2);
}

const opts = { appId: 'app-id' };
const valued = {
    '--host': 'host', '--port': 'port', '--app-id': 'appId', '--key': 'key', '--secret': 'secret',
    '--channel': 'channel', '--event': 'event', '--data': 'data', '--socket-id': 'socketId', '--get': 'get',
    '--master-key': 'masterKey',
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
        value = arg.slice(eq + 1);
        arg = arg.slice(0, eq);
    }
    if (!(arg in valued))
        fail(`unknown argument ${arg}`);
    if (value === undefined) {
        if (i + 1 >= argv.length)
            fail(`${arg} needs a value`);
        value = argv[++i];
    }
    opts[valued[arg]] = value;
}
for (const required of ['host', 'port', 'key', 'secret'])
    if (opts[required] === undefined)
        fail(`--${required} is required`);
if (opts.get === undefined && (opts.channel === undefined || opts.event === undefined))
    fail('--channel and --event are required (or --get PATH)');

const config = {
    appId: opts.appId, key: opts.key, secret: opts.secret,
    host: opts.host, port: String(opts.port), useTLS: false, timeout: 10000,
};
if (opts.masterKey !== undefined)
    config.encryptionMasterKeyBase64 = opts.masterKey;
let pusher;
try {
    pusher = new PusherServer(config);
} catch (e) {
    fail(e.message);
}

async function bodyOf(text) {
    try {
        return JSON.parse(text);
    } catch (e) {
        return text;
    }
}

async function main() {
    let response;
    try {
        if (opts.get !== undefined) {
            response = await pusher.get({ path: opts.get });
        } else {
            let data = opts.data === undefined ? {} : opts.data;
            if (typeof data === 'string') {
                try {
                    data = JSON.parse(data);
                } catch (e) {
                    // keep the literal string
                }
            }
            const channels = opts.channel.split(',');
            const params = opts.socketId !== undefined ? { socket_id: opts.socketId } : undefined;
            response = await pusher.trigger(channels.length === 1 ? channels[0] : channels,
                                            opts.event, data, params);
        }
    } catch (e) {
        // The SDK rejects with a RequestError for non-2xx answers and network failures.
        if (e && e.status !== undefined) {
            console.log(JSON.stringify({ ok: false, status: e.status, body: await bodyOf(e.body || '') }));
        } else {
            console.log(JSON.stringify({ ok: false, status: 0, error: String((e && e.error && e.error.message) || (e && e.message) || e) }));
        }
        process.exit(1);
    }
    const text = await response.text();
    const body = await bodyOf(text);
    // soketi 1.6 (uWebSockets 20.30) answers API errors with HTTP 200 and {"error":..,"code":401}.
    const ok = response.ok && !(body && typeof body === 'object' && body.error !== undefined);
    console.log(JSON.stringify({ ok, status: response.status, body }));
    process.exit(ok ? 0 : 1);
}

main();
