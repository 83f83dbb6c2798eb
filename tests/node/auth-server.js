#!/usr/bin/env node
// A channel-authorization / user-authentication endpoint for Natter's tests, signing with the
// official `pusher` server SDK.
//
// usage: node auth-server.js --key K --secret S [--port 0] [--app-id ID] [--token T] [--master-key BASE64]
//
// Listens on 127.0.0.1 (port 0 = a free port) and prints {"port":N} as its first stdout line.
//   POST /pusher/auth       form (or JSON) socket_id, channel_name [, user_id, user_info (JSON)]
//                           private-*/private-encrypted-*: {"auth":..[,"shared_secret":..]}
//                           presence-*: {"auth":..,"channel_data":..}; the member is user_id/user_info
//                           from the form, else headers X-User-Id / X-User-Info, else "anonymous".
//   POST /pusher/user-auth  form socket_id [, user_id, user_info] -> {"auth":..,"user_data":..}
//   GET  /stats             {"<channel>": requestCount, ...} (user-auth requests count under "#user-auth")
// Test behaviours:
//   --token T               requests without "Authorization: Bearer T" get 401 {"error":"unauthorized"}
//   channel contains "forbidden" -> 403 {"error":"forbidden"}
//   channel contains "flaky"     -> 503 {"error":"unavailable"} for its first 2 requests, then success
//   channel contains "slow"      -> answered after 3000 ms
//   channel contains "badjson"   -> 200 with the body `not json`
// stderr: one line per request (method, path, channel, status); never signatures, secrets or tokens.
'use strict';

const http = require('http');
const PusherServer = require('pusher');

function fail(message) {
    process.stderr.write(`auth-server: ${message}\n` +
        'usage: node auth-server.js --key K --secret S [--port 0] [--app-id ID] [--token T] [--master-key BASE64]\n');
    process.exit(2);
}

function parseArgs(argv) {
    const opts = { port: '0', appId: 'app-id' };
    const valued = {
        '--key': 'key', '--secret': 'secret', '--port': 'port', '--app-id': 'appId',
        '--token': 'token', '--master-key': 'masterKey',
    };
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
    if (opts.key === undefined || opts.secret === undefined)
        fail('--key and --secret are required');
    opts.port = Number(opts.port);
    if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)
        fail('--port must be a port number');
    return opts;
}

const opts = parseArgs(process.argv.slice(2));
const config = { appId: opts.appId, key: opts.key, secret: opts.secret, useTLS: false };
if (opts.masterKey !== undefined)
    config.encryptionMasterKeyBase64 = opts.masterKey;
let pusher;
try {
    pusher = new PusherServer(config);
} catch (e) {
    fail(e.message);
}

const stats = {};          // channel -> number of requests seen (every request, whatever its answer)
const flakyFailures = {};  // channel -> 503s already given
const FLAKY_FAILURES = 2;
const SLOW_MS = 3000;
const MAX_BODY = 64 * 1024;

function log(req, channel, status) {
    process.stderr.write(`auth-server: ${req.method} ${req.url.split('?')[0]}` +
        `${channel ? ` channel=${channel}` : ''} -> ${status}\n`);
}

function send(res, status, body, contentType = 'application/json') {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text),
                            'Cache-Control': 'no-store' });
    res.end(text);
}

function parseBody(req, raw) {
    const type = (req.headers['content-type'] || '').toLowerCase();
    if (type.startsWith('application/json')) {
        const obj = raw.trim() === '' ? {} : JSON.parse(raw);
        const params = {};
        for (const [k, v] of Object.entries(obj))
            params[k] = typeof v === 'string' ? v : JSON.stringify(v);
        return params;
    }
    return Object.fromEntries(new URLSearchParams(raw));
}

// user_id/user_info: form params, else X-User-Id / X-User-Info headers, else "anonymous".
function userFrom(req, params) {
    let id = params.user_id;
    let infoText = params.user_info;
    if (id === undefined || id === '') {
        id = req.headers['x-user-id'] || 'anonymous';
        if (infoText === undefined)
            infoText = req.headers['x-user-info'];
    }
    let info;
    if (infoText !== undefined && infoText !== '')
        info = JSON.parse(infoText);   // a SyntaxError becomes a 400
    return { id: String(id), info };
}

function authorizeChannel(req, params) {
    const channel = params.channel_name;
    if (channel.startsWith('presence-')) {
        const user = userFrom(req, params);
        const presenceData = { user_id: user.id };
        if (user.info !== undefined)
            presenceData.user_info = user.info;
        return pusher.authorizeChannel(params.socket_id, channel, presenceData);
    }
    return pusher.authorizeChannel(params.socket_id, channel);
}

function authenticateUser(req, params) {
    const user = userFrom(req, params);
    const userData = { id: user.id };
    if (user.info !== undefined)
        userData.user_info = user.info;
    return pusher.authenticateUser(params.socket_id, userData);
}

function handle(req, res, raw) {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && path === '/stats') {
        log(req, null, 200);
        return send(res, 200, stats);
    }
    const isChannelAuth = path === '/pusher/auth';
    const isUserAuth = path === '/pusher/user-auth';
    if (!isChannelAuth && !isUserAuth) {
        log(req, null, 404);
        return send(res, 404, { error: 'not found' });
    }
    if (req.method !== 'POST') {
        log(req, null, 405);
        return send(res, 405, { error: 'method not allowed' });
    }

    let params;
    try {
        params = parseBody(req, raw);
    } catch (e) {
        log(req, null, 400);
        return send(res, 400, { error: 'malformed body' });
    }
    const channel = isChannelAuth ? params.channel_name : undefined;
    const statsKey = isChannelAuth ? channel || '' : '#user-auth';
    stats[statsKey] = (stats[statsKey] || 0) + 1;

    if (opts.token !== undefined && req.headers.authorization !== `Bearer ${opts.token}`) {
        log(req, channel, 401);
        return send(res, 401, { error: 'unauthorized' });
    }
    if (!params.socket_id || (isChannelAuth && !channel)) {
        log(req, channel, 400);
        return send(res, 400, { error: isChannelAuth ? 'socket_id and channel_name are required'
                                                     : 'socket_id is required' });
    }

    const answer = () => {
        try {
            const body = isChannelAuth ? authorizeChannel(req, params) : authenticateUser(req, params);
            log(req, channel, 200);
            send(res, 200, body);
        } catch (e) {
            log(req, channel, 400);
            send(res, 400, { error: String(e.message || e) });
        }
    };

    if (isChannelAuth) {
        if (channel.includes('forbidden')) {
            log(req, channel, 403);
            return send(res, 403, { error: 'forbidden' });
        }
        if (channel.includes('flaky') && (flakyFailures[channel] || 0) < FLAKY_FAILURES) {
            flakyFailures[channel] = (flakyFailures[channel] || 0) + 1;
            log(req, channel, 503);
            return send(res, 503, { error: 'unavailable' });
        }
        if (channel.includes('badjson')) {
            log(req, channel, 200);
            return send(res, 200, 'not json');
        }
        if (channel.includes('slow')) {
            const timer = setTimeout(answer, SLOW_MS);
            res.on('close', () => clearTimeout(timer));
            return undefined;
        }
    }
    return answer();
}

const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
        size += chunk.length;
        if (size > MAX_BODY) {
            send(res, 413, { error: 'body too large' });
            req.destroy();
            return;
        }
        chunks.push(chunk);
    });
    req.on('end', () => {
        if (size <= MAX_BODY)
            handle(req, res, Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => {});
});
server.keepAliveTimeout = 5000;

server.on('error', (e) => fail(`cannot listen: ${e.message}`));
server.listen(opts.port, '127.0.0.1', () => {
    process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});

function stop() {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 200).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
