import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, httpStatusForCode, type ApiErrorBody } from '../../src-shared/contract/errors.js';
import type { Dispatcher } from '../dispatcher/dispatcher.js';
import type { PushBus } from '../events/bus.js';
import { readRendererFile } from './static-files.js';
import { SECURITY_HEADERS, allowedHosts, bearerToken, originAllowed, tokenMatches } from './security.js';
import { listen } from '../net/listen.js';

export interface ConsoleServerOptions {
  host: string;
  port: number;
  token: string;
  /** The built renderer (out/renderer); null serves the API only. */
  rendererDir: string | null;
  maxInputBytes?: number;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

function sendError(response: ServerResponse, error: ApiError): void {
  const body: { error: ApiErrorBody } = { error: error.toBody() };
  sendJson(response, httpStatusForCode[error.code], body);
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw new ApiError('too_large', `Request body is over the ${limit}-byte limit.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Serve mode: the console API on loopback (`POST /api/<call>`, bearer token, same-origin only),
 * Server-Sent Events for pushes (`GET /api/events`), and the built renderer as a web page.
 */
export class ConsoleServer {
  private server: Server | null = null;
  private readonly streams = new Set<ServerResponse>();
  private port = 0;

  constructor(
    private readonly options: ConsoleServerOptions,
    private readonly dispatcher: Dispatcher,
    private readonly bus: PushBus,
  ) {}

  async start(): Promise<AddressInfo> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) sendError(res, new ApiError('internal', 'The console server failed.'));
        else res.destroy();
      });
    });
    this.server = server;
    const address = await listen(server, this.options.port, this.options.host);
    this.port = address.port;
    return address;
  }

  async stop(): Promise<void> {
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts(this.port).has(request.headers.host ?? '')) {
      sendError(response, new ApiError('forbidden', 'Unknown Host: the console answers only on loopback names.'));
      return;
    }
    const path = (request.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/')) {
      await this.handleApi(request, response, path.slice('/api/'.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, new ApiError('bad_request', 'Only GET is served outside /api/.'));
      return;
    }
    const file = this.options.rendererDir ? await readRendererFile(this.options.rendererDir, path) : null;
    if (!file) {
      sendError(response, new ApiError('not_found', 'The console page is not built: run `npm run build`.'));
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': file.contentType,
      'content-length': file.body.byteLength,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  private async handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (!originAllowed(request, this.port)) {
      sendError(response, new ApiError('forbidden', 'Cross-origin requests are refused.'));
      return;
    }
    if (!tokenMatches(bearerToken(request), this.options.token)) {
      sendError(response, new ApiError('unauthorized', 'Missing or wrong token: open the console URL printed at start-up.'));
      return;
    }
    if (name === 'events' && request.method === 'GET') {
      this.openEventStream(request, response);
      return;
    }
    if (request.method !== 'POST') {
      sendError(response, new ApiError('bad_request', 'Console calls are POST /api/<call name> with a JSON body.'));
      return;
    }
    try {
      const raw = await readBody(request, this.options.maxInputBytes ?? 1024 * 1024);
      let input: unknown = {};
      if (raw.byteLength > 0) {
        try {
          input = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new ApiError('bad_request', 'The request body is not valid JSON.');
        }
      }
      sendJson(response, 200, await this.dispatcher.call(name, input, 'http'));
    } catch (error) {
      sendError(response, error instanceof ApiError ? error : new ApiError('internal', 'The call failed unexpectedly.'));
    }
  }

  private openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    this.streams.add(response);
    const unsubscribe = this.bus.subscribe((event) => {
      response.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    // A comment now and then keeps proxies and idle timers from closing the stream.
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.streams.delete(response);
    };
    request.on('close', close);
    response.on('close', close);
  }
}
