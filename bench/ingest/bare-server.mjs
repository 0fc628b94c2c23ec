// The baseline: a bare node:http server that reads the body and answers 200, nothing else.
// It prints its port on stdout as `port <n>`.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const server = createServer({ keepAliveTimeout: 5_000 }, (request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    Buffer.concat(chunks);
    const text = JSON.stringify({ id: `dlv_${randomUUID()}` });
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
