#!/usr/bin/env node
// The load side of bench/natter-server.sh: senders that POST /rooms/R/messages, a natter-cli
// listening on presence-R, the time from each POST to the delivery of its new_message at that
// listener; then history pages at a given number of stored messages.
//
// usage: node natter-server-load.js --base http://127.0.0.1:PORT --cli PATH --label NAME
//            [--senders 1,10,100] [--duration 10] [--history 100000] [--history-samples 500]
//            [--history-seeded N]   (N of --history are already in room "history"; POST the rest)
//            [--anchor-host H --anchor-port P --app-id ID --key K --secret S]
//        node natter-server-load.js --table RESULTS.jsonl
//
// stdout: one JSON object per measurement. stderr: progress. With --anchor-*, the same sender
// counts also trigger new_message straight through the Pusher HTTP API (the official `pusher`
// SDK, no natter-server in between): what natter-server adds on top of Pusher itself.
'use strict';

const http = require('http');
const path = require('path');
const fs = require('fs');
const { spawn } = require('child_process');

const NODE_DIR = path.join(__dirname, '..', 'tests', 'node', 'node_modules');

function fail(message) {
    process.stderr.write(`natter-server-load: ${message}\n`);
    process.exit(2);
}

const opts = { senders: '1,10,100', duration: '10', history: '100000', 'history-samples': '500',
    'history-seeded': '0' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length)
        fail(`bad argument ${argv[i]}`);
    opts[argv[i].slice(2)] = argv[i + 1];
}

function percentile(sorted, p) {
    if (!sorted.length)
        return NaN;
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank];
}

function nowMs() {
    return Number(process.hrtime.bigint()) / 1e6;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

// One HTTP request to natter-server; resolves {status, body} (body parsed when JSON).
function request(method, url, { token, json } = {}) {
    return new Promise((resolve, reject) => {
        const payload = json === undefined ? null : Buffer.from(JSON.stringify(json));
        const headers = {};
        if (payload) {
            headers['Content-Type'] = 'application/json';
            headers['Content-Length'] = payload.length;
        }
        if (token)
            headers.Authorization = `Bearer ${token}`;
        const req = http.request(url, { method, agent, headers }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let body = text;
                try {
                    body = JSON.parse(text);
                } catch (e) { /* not JSON */ }
                resolve({ status: res.statusCode, body });
            });
        });
        req.on('error', reject);
        if (payload)
            req.write(payload);
        req.end();
    });
}

async function login(base, name) {
    const res = await request('POST', `${base}/session`, { json: { name } });
    if (res.status !== 201)
        fail(`POST /session ${name}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
}

async function logout(base, token) {
    await request('DELETE', `${base}/session`, { token }).catch(() => {});
}

// natter-cli listen on presence-ROOM, authorized by natter-server with a token of its own.
// onMessage(clientId, atMs) for every new_message.
async function startListener(base, cli, room, onMessage) {
    const config = (await request('GET', `${base}/config`)).body;
    const token = await login(base, `listener${process.pid}`);
    const args = ['listen', '--host', config.ws_host, '--port', String(config.ws_port),
        config.tls ? '--tls' : '--no-tls', '--key', config.app_key,
        '--auth-endpoint', `${base}${config.auth_endpoint}`, `presence-${room}`];
    const child = spawn(cli, args, {
        // A token in the environment, not in the process list.
        env: { ...process.env, NATTER_AUTH_HEADER: `Authorization: Bearer ${token}` },
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    let subscribed;
    const ready = new Promise((resolve, reject) => {
        subscribed = resolve;
        child.on('exit', (code) => reject(new Error(`natter-cli exited with ${code}`)));
        setTimeout(() => reject(new Error('natter-cli did not subscribe within 15 s')), 15000);
    });
    child.stdout.on('data', (chunk) => {
        const at = nowMs();
        buffer += chunk.toString('utf8');
        let eol;
        while ((eol = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, eol);
            buffer = buffer.slice(eol + 1);
            let object;
            try {
                object = JSON.parse(line);
            } catch (e) {
                continue;
            }
            if (object.type === 'subscribed')
                subscribed();
            else if (object.type === 'event' && object.event === 'new_message') {
                let data = object.data;
                if (typeof data === 'string') {
                    try {
                        data = JSON.parse(data);
                    } catch (e) { /* keep */ }
                }
                if (data && data.client_id)
                    onMessage(data.client_id, at);
            }
        }
    });
    await ready;
    return { child, token };
}

// N closed-loop senders for `seconds`; send(i, clientId) performs one send and resolves true
// when it was accepted. Returns what was accepted and when each send started.
async function runSenders(count, seconds, send, pending) {
    let accepted = 0;
    let rejected = 0;
    const postMs = [];
    const started = nowMs();
    const until = started + seconds * 1000;
    const sender = async (i) => {
        for (let seq = 0; nowMs() < until; ++seq) {
            const clientId = `${process.pid}-${count}-${i}-${seq}-${Math.random().toString(36).slice(2, 8)}`;
            const t0 = nowMs();
            pending.set(clientId, t0);
            let ok = false;
            try {
                ok = await send(i, clientId);
            } catch (e) {
                ok = false;
            }
            postMs.push(nowMs() - t0);
            if (ok) {
                ++accepted;
            } else {
                ++rejected;
                pending.delete(clientId);
            }
        }
    };
    await Promise.all(Array.from({ length: count }, (_, i) => sender(i)));
    return { accepted, rejected, elapsed: (nowMs() - started) / 1000, postMs };
}

async function drain(pending, timeoutMs) {
    const until = nowMs() + timeoutMs;
    while (pending.size && nowMs() < until)
        await new Promise((r) => setTimeout(r, 50));
}

function emit(object) {
    process.stdout.write(`${JSON.stringify(object)}\n`);
}

function summary(kind, label, senders, run, latencies, pendingLeft) {
    latencies.sort((a, b) => a - b);
    run.postMs.sort((a, b) => a - b);
    return {
        kind, label, senders,
        sends_per_s: Math.round(run.accepted / run.elapsed),
        accepted: run.accepted, rejected: run.rejected, delivered: latencies.length,
        lost: pendingLeft,
        p50_ms: +percentile(latencies, 50).toFixed(1), p99_ms: +percentile(latencies, 99).toFixed(1),
        post_p50_ms: +percentile(run.postMs, 50).toFixed(1),
        post_p99_ms: +percentile(run.postMs, 99).toFixed(1),
    };
}

async function benchSends(base, room, listenerPending, latencies, counts, seconds) {
    for (const count of counts) {
        const tokens = [];
        for (let i = 0; i < count; ++i)
            tokens.push(await login(base, `s${count}x${i}p${process.pid}`));
        latencies.length = 0;
        const run = await runSenders(count, seconds, async (i, clientId) => {
            const res = await request('POST', `${base}/rooms/${room}/messages`,
                { token: tokens[i], json: { text: `bench ${clientId}`, client_id: clientId } });
            return res.status === 201;
        }, listenerPending);
        await drain(listenerPending, 5000);
        const result = summary('send', opts.label, count, run, latencies, listenerPending.size);
        listenerPending.clear();
        emit(result);
        process.stderr.write(`  ${opts.label} ${count} senders: ${result.sends_per_s} sends/s, ` +
            `p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, lost ${result.lost}\n`);
        for (const token of tokens)
            await logout(base, token);
    }
}

async function benchAnchor(room, listenerPending, latencies, counts, seconds) {
    const Pusher = require(path.join(NODE_DIR, 'pusher'));
    const pusher = new Pusher({
        appId: opts['app-id'], key: opts.key, secret: opts.secret,
        host: opts['anchor-host'], port: opts['anchor-port'], useTLS: false,
    });
    let id = 0;
    for (const count of counts) {
        latencies.length = 0;
        const run = await runSenders(count, seconds, async (i, clientId) => {
            const res = await pusher.trigger(`presence-${room}`, 'new_message', {
                id: ++id, room, client_id: clientId, text: `bench ${clientId}`,
                sent_at: new Date().toISOString(), user: { id: `u_anchor${i}`, name: `anchor${i}` },
            });
            return res.status === 200;
        }, listenerPending);
        await drain(listenerPending, 5000);
        const result = summary('anchor', 'Pusher HTTP API direct', count, run, latencies,
            listenerPending.size);
        listenerPending.clear();
        emit(result);
        process.stderr.write(`  direct trigger ${count} senders: ${result.sends_per_s} sends/s, ` +
            `p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms\n`);
    }
}

async function benchHistory(base, total, seeded, samples) {
    const room = 'history';
    const writers = 50;
    const tokens = [];
    for (let i = 0; i < writers; ++i)
        tokens.push(await login(base, `h${i}p${process.pid}`));
    let next = seeded;
    let lastReport = nowMs();
    const started = nowMs();
    const writer = async (i) => {
        for (let n; (n = next++) < total;) {
            const res = await request('POST', `${base}/rooms/${room}/messages`,
                { token: tokens[i], json: { text: `history message ${n}`, client_id: `h${process.pid}-${n}` } });
            if (res.status !== 201)
                fail(`seeding history: HTTP ${res.status} ${JSON.stringify(res.body)}`);
            if (nowMs() - lastReport > 10000) {
                lastReport = nowMs();
                process.stderr.write(`  ${opts.label} history: ${n} of ${total} stored\n`);
            }
        }
    };
    await Promise.all(Array.from({ length: writers }, (_, i) => writer(i)));
    const seedSeconds = (nowMs() - started) / 1000;
    const posted = total - seeded;

    const token = tokens[0];
    const newest = await request('GET', `${base}/rooms/${room}/messages?limit=50`, { token });
    const lastId = newest.body.messages[newest.body.messages.length - 1].id;
    const oldest = await request('GET', `${base}/rooms/${room}/messages?after=0&limit=1`, { token });
    const firstId = oldest.body.messages[0].id;
    const measure = async (kind, urlFor) => {
        const times = [];
        for (let i = 0; i < samples; ++i) {
            const t0 = nowMs();
            const res = await request('GET', urlFor(), { token });
            times.push(nowMs() - t0);
            if (res.status !== 200 || res.body.messages.length !== 50)
                fail(`${kind}: HTTP ${res.status}, ${res.body.messages ? res.body.messages.length : '?'} messages`);
        }
        times.sort((a, b) => a - b);
        const result = { kind, label: opts.label, stored: total, samples,
            p50_ms: +percentile(times, 50).toFixed(2), p99_ms: +percentile(times, 99).toFixed(2) };
        emit(result);
        process.stderr.write(`  ${opts.label} ${kind}: p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms\n`);
    };
    const span = lastId - firstId;
    await measure('history_newest', () => `${base}/rooms/${room}/messages?limit=50`);
    await measure('history_before', () => {
        const before = firstId + 50 + Math.floor(Math.random() * (span - 50));
        return `${base}/rooms/${room}/messages?before=${before}&limit=50`;
    });
    const check = await request('GET', `${base}/rooms/${room}/messages?before=${firstId + 50}&limit=50`, { token });
    if (check.body.has_more !== false || check.body.messages.length !== 50)
        fail(`history: the oldest page is not where it should be (${JSON.stringify(check.body).slice(0, 200)})`);
    emit({ kind: 'history_seed', label: opts.label, stored: total, seeded, posted,
        sends_per_s: Math.round(posted / seedSeconds) });
    for (const t of tokens)
        await logout(base, t);
}

function printTable(file) {
    const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const out = [];
    out.push('| backend | senders | sends/s | POST → delivery p50 / p99 | POST answered p50 / p99 | delivered |');
    out.push('|---|---:|---:|---|---|---|');
    for (const r of rows.filter((r) => r.kind === 'send' || r.kind === 'anchor')) {
        out.push(`| ${r.label} | ${r.senders} | ${r.sends_per_s} | ${r.p50_ms} / ${r.p99_ms} ms | ` +
            `${r.post_p50_ms} / ${r.post_p99_ms} ms | ${r.delivered}/${r.accepted}` +
            `${r.lost ? ` (${r.lost} missing)` : ''} |`);
    }
    const history = rows.filter((r) => r.kind.startsWith('history_') && r.kind !== 'history_seed');
    if (history.length) {
        out.push('');
        out.push('| backend | history page (limit 50) | stored in room | p50 | p99 |');
        out.push('|---|---|---:|---:|---:|');
        for (const r of history) {
            const what = r.kind === 'history_newest' ? 'newest page' : 'before=random id';
            out.push(`| ${r.label} | ${what} | ${r.stored} | ${r.p50_ms} ms | ${r.p99_ms} ms |`);
        }
        for (const r of rows.filter((r) => r.kind === 'history_seed'))
            out.push(`\n(${r.label}: ${r.seeded} messages inserted with SQL, then ${r.posted} posted ` +
                `by 50 senders at ${r.sends_per_s} sends/s)`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
}

async function main() {
    if (opts.table) {
        printTable(opts.table);
        return;
    }
    for (const required of ['base', 'cli', 'label'])
        if (!opts[required])
            fail(`--${required} is required`);
    const counts = opts.senders.split(',').map(Number);
    const seconds = Number(opts.duration);
    const room = 'bench';
    const pending = new Map();
    const latencies = [];
    const listener = await startListener(opts.base, opts.cli, room, (clientId, at) => {
        const t0 = pending.get(clientId);
        if (t0 !== undefined) {
            latencies.push(at - t0);
            pending.delete(clientId);
        }
    });
    try {
        if (opts['anchor-host'])
            await benchAnchor(room, pending, latencies, counts, seconds);
        await benchSends(opts.base, room, pending, latencies, counts, seconds);
        if (Number(opts.history) > 0)
            await benchHistory(opts.base, Number(opts.history), Number(opts['history-seeded']),
                Number(opts['history-samples']));
    } finally {
        listener.child.kill('SIGTERM');
        await logout(opts.base, listener.token);
        agent.destroy();
    }
}

main().catch((e) => fail(e.stack || String(e)));
