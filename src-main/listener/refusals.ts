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

/** What the sender is told: the status, why, and the headers that go with it. */
export interface Refusal {
  httpStatus: number;
  reason: string;
  /** Bytes the request declared or sent (its body is never kept). */
  size: number;
  headers: Record<string, string>;
}

/**
 * Requests the listener does not keep a body for: to protect itself (429, 503, 507) or because
 * they are wrong (404, 405, 413). The attempt is recorded (request line and headers), at most
 * once a second per sender and kind with a count of the others, so that refusing cannot itself
 * fill the disk; the first of each kind still shows up, so a misconfigured provider is seen.
 */
export class Refusals {
  /** Refusals answered but, coalesced per sender and kind, not recorded. */
  notRecorded = 0;

  constructor(
    private readonly ingest: IngestQueue,
    private readonly options: RefusalOptions,
  ) {}

  /** A refusal to protect the listener: with Retry-After, and the connection closed. */
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
    this.refuse(request, target, response, client, now, {
      httpStatus,
      reason,
      size,
      headers: { 'retry-after': String(retryAfterSeconds), connection: 'close' },
    });
  }

  /** Answers the refusal; records it unless one of its kind from this sender was recorded within the second. */
  refuse(request: IncomingMessage, target: RequestTarget, response: ServerResponse, client: ClientState, now: number, refusal: Refusal): void {
    const skipped = client.refusalToRecord(now, refusal.httpStatus);
    if (skipped === null) {
      this.notRecorded += 1;
      answer(response, refusal.httpStatus, { error: refusal.reason }, refusal.headers);
      request.resume();
      return;
    }
    const reason = skipped > 0 ? `${refusal.reason} ${skipped} more refused from this sender since the previous recorded refusal.` : refusal.reason;
    this.record(request, target, response, { ...refusal, reason });
  }

  private record(request: IncomingMessage, target: RequestTarget, response: ServerResponse, refusal: Refusal): void {
    const delivery = captureDelivery(request, target, null, {
      trustForwardedHeaders: this.options.trustForwardedHeaders(),
      rejected: { httpStatus: refusal.httpStatus, reason: refusal.reason },
      size: refusal.size,
    });
    const close = () => {
      answer(response, refusal.httpStatus, { id: delivery.id, error: refusal.reason }, refusal.headers);
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
