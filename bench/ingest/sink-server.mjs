// The generator's ceiling: a node:http server that answers every request at once, without
// reading its body (node discards it to keep the connection alive). Prints `port <n>`.
import { createServer } from 'node:http';

const answer = Buffer.from('{"id":"dlv_sink"}');
const server = createServer({ keepAliveTimeout: 5_000 }, (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': answer.byteLength });
  response.end(answer);
});
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
