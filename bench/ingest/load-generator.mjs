// The bench's load generator, in a process of its own so that it, not the server, is what a
// core can spare: requests come pre-built (signed bodies, whole HTTP/1.1 requests read from a
// file) and go over raw keep-alive sockets, answers are only framed, never parsed further.
//
//   node load-generator.mjs <port> <requests-file> <first> <count> <connections> [rate] [seconds]
//
// Sends requests first..first+count-1 of the file (round-robin over them when a rate and a
// duration are given), and prints one JSON line: answers by class, seconds from the first
// send to the last answer, latency p50/p99 in milliseconds, and the CPU milliseconds it spent
// from the first send (its share of the two cores).
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';

const [port, file, firstText, countText, connectionsText, rateText, secondsText] = process.argv.slice(2);
const all = readFileSync(file);
const requests = [];
for (let at = 0; at < all.length; ) {
  const length = all.readUInt32BE(at);
  requests.push(all.subarray(at + 4, at + 4 + length));
  at += 4 + length;
}
const first = Number(firstText);
const count = Number(countText);
const connections = Number(connectionsText);
const rate = rateText ? Number(rateText) : 0;
const total = rate > 0 ? Math.round(rate * Number(secondsText)) : count;
if (first + Math.min(count, total) > requests.length) throw new Error(`the file holds ${requests.length} requests`);

const latencies = new Float64Array(total);
const counts = { ok: 0, non2xx: 0, errors: 0 };
let sent = 0;
let answered = 0;
let started = 0;
let lastAnswerAt = 0;
let cpuAtStart;
const due = (n) => started + (n * 1000) / rate;

/** Splits the byte stream of one connection into answers: status line, headers, a body by length or chunks. */
function answers(onAnswer) {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      const headEnd = buffer.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = buffer.toString('latin1', 0, headEnd);
      const status = Number(head.slice(9, 12));
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      let end;
      if (length) end = headEnd + 4 + Number(length[1]);
      else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
        const last = buffer.indexOf('\r\n0\r\n\r\n', headEnd);
        if (last < 0) return;
        end = last + 7;
      } else end = headEnd + 4;
      if (buffer.length < end) return;
      buffer = buffer.subarray(end);
      onAnswer(status);
    }
  };
}

function finish() {
  const seconds = (lastAnswerAt - started) / 1000;
  const sorted = Array.from(latencies.subarray(0, answered)).sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(`${JSON.stringify({ ...counts, answered, seconds, requestsPerSecond: counts.ok / seconds, p50Ms: at(0.5), p99Ms: at(0.99), cpuMs })}\n`);
  process.exit(0);
}

function open() {
  const socket = connect({ port: Number(port), host: '127.0.0.1', noDelay: true });
  let sentAt = 0;
  const next = () => {
    if (sent >= total) return void socket.end();
    const n = sent++;
    const send = () => {
      sentAt = performance.now();
      socket.write(requests[first + (n % count)]);
    };
    const wait = rate > 0 ? due(n) - performance.now() : 0;
    if (wait > 1) setTimeout(send, wait);
    else send();
  };
  socket.on(
    'data',
    answers((status) => {
      lastAnswerAt = performance.now();
      latencies[answered++] = lastAnswerAt - sentAt;
      if (status >= 200 && status < 300) counts.ok++;
      else counts.non2xx++;
      if (answered === total) finish();
      else next();
    }),
  );
  socket.on('error', () => {
    counts.errors++;
    answered++;
    if (answered === total) finish();
  });
  socket.on('connect', next);
}

cpuAtStart = process.cpuUsage();
started = performance.now();
for (let c = 0; c < connections; c++) open();
// A server that stopped answering must not hang the bench: what was answered is reported.
let answeredBefore = -1;
setInterval(() => {
  if (answered === answeredBefore) finish();
  answeredBefore = answered;
}, 30_000).unref();
