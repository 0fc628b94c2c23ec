/**
 * A staging service on 127.0.0.1 for replay tests: it records every request exactly as it
 * arrived (raw header pairs, body bytes, arrival order) and answers as the path asks:
 *   /ok            202 {"received":true}
 *   /status/<n>    HTTP n
 *   /hang          never answers (timeouts)
 *   /slow/<ms>     200 after ms milliseconds
 *   /redirect      302 to /ok
 *   /big/<bytes>   200 with a body of that many bytes
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StagingRequest {
  method: string;
  path: string;
  rawHeaders: Array<[string, string]>;
  body: Buffer;
  header(name: string): string | undefined;
}

export interface StagingServer {
  url(path: string): string;
  readonly requests: StagingRequest[];
  /** The most /slow requests that were ever waiting for their answer at once. */
  maxInFlight(): number;
  /** Resolves once `count` requests have arrived in total. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

function record(req: IncomingMessage, body: Buffer): StagingRequest {
  const rawHeaders: Array<[string, string]> = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  return {
    method: req.method ?? '',
    path: req.url ?? '',
    rawHeaders,
    body,
    header: (name) => rawHeaders.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1],
  };
}

export async function startStagingServer(): Promise<StagingServer> {
  const requests: StagingRequest[] = [];
  const waiters: Array<{ count: number; resolve(): void }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push(record(req, Buffer.concat(chunks)));
      for (const w of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      const [, first, arg] = (req.url ?? '/').split('?')[0]!.split('/');
      switch (first) {
        case 'status':
          res.writeHead(Number(arg), { 'content-type': 'text/plain' }).end(`staging answered ${arg}`);
          return;
        case 'hang':
          return; // keeps the socket open until the client gives up
        case 'slow':
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          setTimeout(() => {
            inFlight--;
            res.writeHead(200, { 'content-type': 'application/json' }).end('{"slow":true}');
          }, Number(arg));
          return;
        case 'redirect':
          res.writeHead(302, { location: '/ok' }).end();
          return;
        case 'big':
          res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.alloc(Number(arg), 'x'));
          return;
        default:
          res.writeHead(202, { 'content-type': 'application/json', 'x-staging': 'yes' }).end('{"received":true}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    maxInFlight: () => maxInFlight,
    waitFor: (count) => (requests.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A 127.0.0.1 port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
