// The merchant's backend for the relay bench: reads the body and answers 200, nothing else.
// GET /count?path=/prefix says how many requests (and distinct X-Gatewatch-Delivery-Id) arrived
// under that path, and when the first and last did. `node backend.mjs [port]`; prints `port <n>`.
import { createServer } from 'node:http';

const seen = new Map();
const server = createServer({ keepAliveTimeout: 5_000 }, (request, response) => {
  if (request.method === 'GET' && request.url.startsWith('/count')) {
    const prefix = new URL(request.url, 'http://x').searchParams.get('path') ?? '/';
    const stats = seen.get(prefix) ?? { count: 0, ids: new Set(), firstAt: null, lastAt: null };
    const text = JSON.stringify({ count: stats.count, unique: stats.ids.size, firstAt: stats.firstAt, lastAt: stats.lastAt });
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    Buffer.concat(chunks);
    const path = request.url.split('?')[0];
    if (!seen.has(path)) seen.set(path, { count: 0, ids: new Set(), firstAt: null, lastAt: null });
    const stats = seen.get(path);
    const now = performance.timeOrigin + performance.now();
    stats.count++;
    const id = request.headers['x-gatewatch-delivery-id'];
    if (id) stats.ids.add(id);
    stats.firstAt ??= now;
    stats.lastAt = now;
    const text = '{"ok":true}';
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => console.log(`port ${server.address().port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
