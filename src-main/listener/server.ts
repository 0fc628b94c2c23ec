import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { providerIds } from '../../src-shared/domain/provider.js';
import type { IngestQueue } from './ingest-queue.js';
import { captureDelivery } from './capture.js';
import { listen } from '../net/listen.js';

export interface ListenerOptions {
  host: string;
  port: number;
  bodyLimitBytes: number;
  /** Read per request, so a settings change applies at once. */
  trustForwardedHeaders: () => boolean;
  onError?: (error: unknown) => void;
  /** Slow senders are cut off after these (tests shorten them). */
  timeouts?: Partial<ListenerTimeouts>;
}

export interface ListenerTimeouts {
  /** The whole request, headers and body. */
  requestMs: number;
  headersMs: number;
  keepAliveMs: number;
  /** How often Node checks the two above. */
  checkEveryMs: number;
}

const DEFAULT_TIMEOUTS: ListenerTimeouts = { requestMs: 30_000, headersMs: 15_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };

function answer(response: ServerResponse, status: number, body: object, extraHeaders: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  response.end(text);
}

/**
 * The webhook listener: its own port, the only one ever exposed through a tunnel. Every request
 * to it is committed to the store before it is answered; nothing a provider sends is dropped.
 */
export class WebhookListener {
  private server: Server | null = null;

  constructor(
    private readonly options: ListenerOptions,
    private readonly ingest: IngestQueue,
  ) {}

  async start(): Promise<AddressInfo> {
    const t = { ...DEFAULT_TIMEOUTS, ...this.options.timeouts };
    const server = createServer(
      {
        requestTimeout: t.requestMs,
        headersTimeout: t.headersMs,
        keepAliveTimeout: t.keepAliveMs,
        connectionsCheckingInterval: t.checkEveryMs,
      },
      (req, res) => this.handle(req, res),
    );
    // Bounded: a flood of idle sockets must not exhaust file descriptors.
    server.maxConnections = 1024;
    this.server = server;
    return listen(server, this.options.port, this.options.host);
  }

  address(): AddressInfo | null {
    return (this.server?.address() as AddressInfo | null) ?? null;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2_000).unref();
    });
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'POST') {
      // Recorded too (without a body): a provider misconfigured to GET its webhooks shows up.
      this.refuse(request, response, 405, `${request.method ?? 'This method'} is not accepted: webhooks are POSTed.`, 0, { allow: 'POST' });
      return;
    }
    const limit = this.options.bodyLimitBytes;
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      this.refuse(request, response, 413, `Content-Length ${declared} is over the ${limit}-byte limit.`, declared, { connection: 'close' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let overLimit = false;
    request.on('data', (chunk: Buffer) => {
      if (overLimit) return;
      size += chunk.byteLength;
      if (size > limit) {
        overLimit = true;
        chunks.length = 0;
        this.refuse(request, response, 413, `Body is over the ${limit}-byte limit.`, size, { connection: 'close' });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (overLimit) return;
      void this.store(request, response, Buffer.concat(chunks, size));
    });
    request.on('error', () => {
      // The sender went away before the body was complete: there is no delivery to keep.
    });
  }

  private async store(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    const delivery = captureDelivery(request, body, { trustForwardedHeaders: this.options.trustForwardedHeaders() });
    try {
      await this.ingest.enqueue(delivery);
    } catch (error) {
      this.options.onError?.(error);
      // Not stored: a 5xx makes the provider retry later.
      answer(response, 503, { error: 'The delivery could not be stored; please retry.' });
      return;
    }
    if (delivery.provider === 'unknown') {
      answer(response, 404, {
        id: delivery.id,
        error: `No provider at ${delivery.path}. Use /webhooks/<provider>, one of: ${providerIds.join(', ')}.`,
      });
      return;
    }
    answer(response, 200, { id: delivery.id });
  }

  /** A refused request (over the size limit, wrong method): the attempt is recorded, not the body. */
  private refuse(
    request: IncomingMessage,
    response: ServerResponse,
    httpStatus: number,
    reason: string,
    size: number,
    headers: Record<string, string>,
  ): void {
    const delivery = captureDelivery(request, null, {
      trustForwardedHeaders: this.options.trustForwardedHeaders(),
      rejected: { httpStatus, reason },
      size,
    });
    const close = () => {
      answer(response, httpStatus, { id: delivery.id, error: reason }, headers);
      request.resume();
    };
    this.ingest.enqueue(delivery).then(close, (error) => {
      this.options.onError?.(error);
      close();
    });
  }
}
