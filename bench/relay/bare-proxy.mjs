// The baseline: a bare reverse proxy with node:http, piping each request to the backend and its
// answer back, with keep-alive connections to the backend. `node bare-proxy.mjs <backend port>`.
import { Agent, createServer, request as forward } from 'node:http';

const backendPort = Number(process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const server = createServer({ keepAliveTimeout: 5_000 }, (request, response) => {
  const upstream = forward({ host: '127.0.0.1', port: backendPort, method: request.method, path: '/bare', headers: request.headers, agent }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', () => {
    if (!response.headersSent) response.writeHead(502);
    response.end();
  });
  request.pipe(upstream);
});
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
