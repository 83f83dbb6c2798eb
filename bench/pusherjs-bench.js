#!/usr/bin/env node
// The reference client of the benchmark: the official pusher-js on Node, subscribed to "bench" on a
// flood server, counting `new_message` events until `done`.
//
// usage: node bench/pusherjs-bench.js PORT [TIMEOUT_SECONDS=120]
//
// stdout: one JSON line
//   {"client":"pusher-js","events":N,"seconds":S,"events_per_s":R,"cpu_seconds":C,"max_rss_kb":M}
// seconds: from the first new_message to done; cpu_seconds: user+system CPU of this process since it
// started (process.cpuUsage()); max_rss_kb: process.resourceUsage().maxRSS.
// pusher-js is loaded from tests/node/node_modules (run `npm ci` in tests/node, or scripts/deps).
// exit: 0 after done, 3 on timeout, 4 if the connection fails, 2 on a usage error.
'use strict';

const path = require('path');
const { createRequire } = require('module');

const port = Number(process.argv[2]);
const timeoutSeconds = Number(process.argv[3] || 120);
if (!Number.isInteger(port) || port <= 0 || port > 65535 || !(timeoutSeconds > 0)) {
    process.stderr.write('usage: node pusherjs-bench.js PORT [TIMEOUT_SECONDS]\n');
    process.exit(2);
}

const nodeDir = process.env.NATTER_NODE_DIR || path.join(__dirname, '..', 'tests', 'node');
const Pusher = createRequire(path.join(nodeDir, 'package.json'))('pusher-js');

function cpuSeconds() {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
}

const pusher = new Pusher('app-key', {
    wsHost: '127.0.0.1',
    wsPort: port,
    forceTLS: false,
    enabledTransports: ['ws'],
    cluster: 'mt1',
    disableStats: true,
});

let events = 0;
let firstEvent = null;

const channel = pusher.subscribe('bench');
channel.bind('new_message', () => {
    if (firstEvent === null)
        firstEvent = process.hrtime.bigint();
    events++;
});
channel.bind('done', () => {
    const end = process.hrtime.bigint();
    const seconds = firstEvent === null ? 0 : Number(end - firstEvent) / 1e9;
    const result = {
        client: 'pusher-js',
        events,
        seconds: Number(seconds.toFixed(3)),
        events_per_s: seconds > 0 ? Math.round(events / seconds) : 0,
        cpu_seconds: Number(cpuSeconds().toFixed(3)),
        max_rss_kb: process.resourceUsage().maxRSS,
    };
    process.stdout.write(JSON.stringify(result) + '\n');
    pusher.disconnect();
    process.exit(0);
});

pusher.connection.bind('state_change', ({ current }) => {
    if (current === 'unavailable' || current === 'failed') {
        process.stderr.write(`pusherjs-bench: connection ${current}\n`);
        process.exit(4);
    }
});

setTimeout(() => {
    process.stderr.write(`pusherjs-bench: timeout after ${timeoutSeconds} s with ${events} events\n`);
    process.exit(3);
}, timeoutSeconds * 1000);
