import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IngestQueue } from './ingest-queue.js';
import { captureDelivery } from './capture.js';
import { requestTarget, type RequestTarget } from './routes.js';
import type { ClientState } from './clients.js';
import type { StorageGuard } from './storage-guard.js';

export function answer(response: ServerResponse, status: number, body: object, extraHeaders: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  response.end(text);
}

export interface RefusalOptions {
  trustForwardedHeaders: () => boolean;
  storage?: StorageGuard;
  onError?: (error: unknown) => void;
}

/** Requests the listener does not keep a body for: each attempt is recorded (request line and headers), then answered. */
export class Refusals {
  /** Load refusals (429, 503, 507) answered but, coalesced per sender, not recorded. */
  notRecorded = 0;

  constructor(
    private readonly ingest: IngestQueue,
    private readonly options: RefusalOptions,
  ) {}

  /**
   * A refusal to protect the listener (429, 503, 507): recorded at most once a second per sender,
   * with how many went unrecorded since, so that refusing cannot itself fill the disk.
   */
  shed(
    request: IncomingMessage,
    response: ServerResponse,
    client: ClientState,
    now: number,
    httpStatus: number,
    reason: string,
    size: number,
    retryAfterSeconds: number,
    target: RequestTarget = requestTarget(request.url),
  ): void {
    const headers = { 'retry-after': String(retryAfterSeconds), connection: 'close' };
    const skipped = client.refusalToRecord(now);
    if (skipped === null) {
      this.notRecorded += 1;
      answer(response, httpStatus, { error: reason }, headers);
      request.resume();
      return;
    }
    const recorded = skipped > 0 ? `${reason} ${skipped} more refused from this sender since the previous recorded refusal.` : reason;
    this.record(request, target, response, httpStatus, recorded, size, headers);
  }

  /** A refused request (over a limit, wrong method, unknown path): the attempt is recorded, not the body. */
  record(
    request: IncomingMessage,
    target: RequestTarget,
    response: ServerResponse,
    httpStatus: number,
    reason: string,
    size: number,
    headers: Record<string, string>,
  ): void {
    const delivery = captureDelivery(request, target, null, {
      trustForwardedHeaders: this.options.trustForwardedHeaders(),
      rejected: { httpStatus, reason },
      size,
    });
    const close = () => {
      answer(response, httpStatus, { id: delivery.id, error: reason }, headers);
      request.resume();
    };
    this.ingest.enqueue(delivery).then(
      () => {
        this.options.storage?.added(0);
        close();
      },
      (error) => {
        this.options.onError?.(error);
        close();
      },
    );
  }
}
