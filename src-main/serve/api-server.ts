import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../src-shared/contract/errors.js';
import type { Dispatcher } from '../dispatcher/dispatcher.js';
import type { PushBus } from '../events/bus.js';
import { readRendererFile } from './static-files.js';
import { SECURITY_HEADERS } from './security.js';
import { listen } from '../net/listen.js';
import { readJson, sendError, sendJson } from './answers.js';
import { ConsoleAuth } from './console-auth.js';
import { ConsoleOrigins } from './console-origins.js';
import type { Accounts } from '../accounts/accounts.js';

export interface ConsoleServerOptions {
  host: string;
  port: number;
  token: string;
  /** The built renderer (out/renderer); null serves the API only. */
  rendererDir: string | null;
  maxInputBytes?: number;
  /** `GET /api/<name>` routes besides the event stream (export, openapi.json), behind the same checks as every call. */
  getRoutes?: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void>>;
  /** The console speaks TLS with this certificate and key (PEM); see exposure.ts for when it must. */
  tls?: { cert: Buffer; key: Buffer } | null;
  /** The address people open, when it is not a loopback one (`--public-url`): its Host and Origin are accepted too. */
  publicUrl?: URL | null;
  /** The reverse proxy's addresses (`--trust-proxy`). */
  trustedProxies?: readonly string[];
}

/**
 * Serve mode: the console API (`POST /api/<call>`, a bearer token or the session cookie,
 * same-origin only), sign-in (`/auth/…`, see console-auth.ts), Server-Sent Events for pushes
 * (`GET /api/events`), and the built renderer as a web page; on loopback, or beyond it over TLS
 * or behind a named proxy once people have accounts (exposure.ts).
 */
export class ConsoleServer {
  private server: Server | null = null;
  private readonly streams = new Set<ServerResponse>();
  private readonly origins: ConsoleOrigins;
  private readonly auth: ConsoleAuth;

  constructor(
    private readonly options: ConsoleServerOptions,
    private readonly dispatcher: Dispatcher,
    private readonly bus: PushBus,
    accounts: Accounts,
  ) {
    this.origins = new ConsoleOrigins({ publicUrl: options.publicUrl ?? null, tls: Boolean(options.tls), trustedProxies: options.trustedProxies });
    this.auth = new ConsoleAuth(options.token, this.origins, accounts);
  }

  async start(): Promise<AddressInfo> {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res).catch((error) => {
        if (!res.headersSent) sendError(res, error instanceof ApiError ? error : new ApiError('internal', 'The console server failed.'));
        else res.destroy();
      });
    };
    const tls = this.options.tls;
    const server: Server = tls ? createTlsServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, handler) : createServer(handler);
    this.server = server;
    const address = await listen(server, this.options.port, this.options.host);
    this.origins.port = address.port;
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
    if (!this.origins.hostAllowed(request)) {
      sendError(response, new ApiError('forbidden', 'Unknown Host: the console answers only on loopback names and its public URL.'));
      return;
    }
    const path = (request.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/')) {
      await this.handleApi(request, response, path.slice('/api/'.length));
      return;
    }
    if (path.startsWith('/auth/')) {
      if (!this.origins.originAllowed(request)) sendError(response, new ApiError('forbidden', 'Cross-origin requests are refused.'));
      else await this.auth.handle(request, response, path);
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
    if (!this.origins.originAllowed(request)) {
      sendError(response, new ApiError('forbidden', 'Cross-origin requests are refused.'));
      return;
    }
    const identified = await this.auth.identify(request);
    if (!identified) {
      const message = request.headers.authorization
        ? 'Missing or wrong token: use the console token serve mode printed, or an API token that has not been revoked.'
        : 'Not signed in, or the session ended: sign in again.';
      sendError(response, new ApiError('unauthorized', message));
      return;
    }
    // A cookie rides along with any request the browser makes: a call on it must come from the page.
    if (identified.via === 'cookie' && request.method !== 'GET' && !this.origins.sameOriginWrite(request)) {
      sendError(response, new ApiError('forbidden', 'A call on the session cookie must come from the console page.'));
      return;
    }
    if (name === 'events' && request.method === 'GET') {
      this.openEventStream(request, response);
      return;
    }
    const route = request.method === 'GET' && this.options.getRoutes && Object.hasOwn(this.options.getRoutes, name) ? this.options.getRoutes[name] : undefined;
    if (route) {
      await route(request, response);
      return;
    }
    if (request.method !== 'POST') {
      sendError(response, new ApiError('bad_request', 'Console calls are POST /api/<call name> with a JSON body.'));
      return;
    }
    try {
      const input = await readJson(request, this.options.maxInputBytes ?? 1024 * 1024);
      sendJson(response, 200, await this.dispatcher.call(name, input, 'http', identified.caller));
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
