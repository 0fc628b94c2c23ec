/**
 * The merchant's backend for relay tests, on 127.0.0.1: records every request as it arrived
 * (raw header pairs, body bytes) and answers as `answer` says (default: 200 {"ok":true}). It can
 * go down (connection refused) and come back on the same port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface BackendRequest {
  path: string;
  rawHeaders: Array<[string, string]>;
  body: Buffer;
  at: number;
  header(name: string): string | undefined;
}

/** An answer: a status (and body, after a delay), or `hang` (never answers). */
export type BackendAnswer = { status: number; body?: string; delayMs?: number; headers?: Record<string, string> } | 'hang';

export interface FakeBackend {
  port: number;
  url(path?: string): string;
  readonly requests: BackendRequest[];
  answer: (request: BackendRequest) => BackendAnswer;
  /** Resolves once `count` requests have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** Stops listening and drops open connections: the next request is refused. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

function record(req: IncomingMessage, body: Buffer): BackendRequest {
  const rawHeaders: Array<[string, string]> = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  return { path: req.url ?? '', rawHeaders, body, at: Date.now(), header: (name) => rawHeaders.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] };
}

export async function startFakeBackend(port = 0): Promise<FakeBackend> {
  const requests: BackendRequest[] = [];
  const waiters: Array<{ count: number; resolve(): void }> = [];
  const sockets = new Set<Socket>();
  let server: Server;
  const backend: FakeBackend = {
    port,
    url: (path = '/hooks') => `http://127.0.0.1:${backend.port}${path}`,
    requests,
    answer: () => ({ status: 200, body: '{"ok":true}' }),
    waitFor: (count, timeoutMs = 20_000) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`the backend got ${requests.length} requests, not ${count}, within ${timeoutMs} ms`)), timeoutMs);
            waiters.push({
              count,
              resolve: () => {
                clearTimeout(timer);
                resolve();
              },
            });
          }),
    async down() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    async up() {
      server = createServer(handle);
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(backend.port, '127.0.0.1', resolve));
      backend.port = (server.address() as AddressInfo).port;
    },
    close: () => backend.down(),
  };
  function handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = record(req, Buffer.concat(chunks));
      requests.push(request);
      for (const w of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      const answer = backend.answer(request);
      if (answer === 'hang') return;
      const send = () => {
        if (res.destroyed) return;
        const body = answer.body ?? '';
        res.writeHead(answer.status, { 'content-type': 'application/json', 'x-backend': 'fake', ...answer.headers, 'content-length': Buffer.byteLength(body) });
        res.end(body);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  }
  await backend.up();
  return backend;
}
