/**
 * Request bodies on their way to the store: read (up to the body limit), held in memory only
 * within the listener's budget (in all and per sender), charged to the sender's stored-bytes
 * bucket, then committed before the answer. A body refused on the way is dropped, its attempt
 * recorded without it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { providerIds } from '../../src-shared/domain/provider.js';
import type { IngestQueue } from './ingest-queue.js';
import { captureDelivery } from './capture.js';
import type { RequestTarget } from './routes.js';
import type { ListenerLimits } from './limits.js';
import type { ClientState, RateLimit } from './clients.js';
import type { StorageGuard } from './storage-guard.js';
import { answer, type Refusals } from './refusals.js';
import type { ListenerRelay } from '../relay/ingress.js';

/** Seconds a sender is asked to wait when the listener holds too many bodies: they clear within a request timeout. */
export const BUSY_RETRY_AFTER_S = 5;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** What a request's header lines take when stored. */
export function headerBytes(request: IncomingMessage): number {
  let total = 0;
  for (const part of request.rawHeaders) total += part.length;
  return total;
}

export interface BodyIntakeOptions {
  bodyLimitBytes: number;
  limits: ListenerLimits;
  refusals: Refusals;
  ingest: IngestQueue;
  storage?: StorageGuard;
  trustForwardedHeaders: () => boolean;
  /** The sender's stored-bytes bucket, or null when off. */
  byteRate: () => RateLimit | null;
  onError?: (error: unknown) => void;
  /** Relay routes: a relayed delivery's job is committed with it, and the relay answers. */
  relay?: ListenerRelay;
}

export class BodyIntake {
  /** Bodies received but not yet committed, all senders together. */
  inFlightBytes = 0;

  constructor(private readonly options: BodyIntakeOptions) {}

  /** Whether `bytes` more would take the listener, or this sender, past the bytes it may hold. */
  overBudget(client: ClientState, bytes: number): boolean {
    return this.inFlightBytes + bytes > this.options.limits.inFlightBytes || client.inFlightBytes + bytes > this.options.limits.inFlightBytesPerAddress;
  }

  bytesReason(limit: RateLimit): string {
    return `Too many bytes from this sender: the limit is ${mib(limit.perSecond)} stored a second (bursts of ${mib(limit.burst)}).`;
  }

  busyReason(): string {
    return `The listener holds too many request bodies not yet stored (limits: ${this.options.limits.inFlightBytes} bytes in all, ${this.options.limits.inFlightBytesPerAddress} per sender); please retry.`;
  }

  /** Reads the body: buffered for a known provider, only counted for an unknown path (whose body is never kept). */
  receive(request: IncomingMessage, response: ServerResponse, client: ClientState, target: RequestTarget): void {
    const keep = target.provider !== 'unknown';
    const limit = this.options.bodyLimitBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    let held = 0;
    let refused = false;
    const release = () => {
      this.inFlightBytes -= held;
      client.inFlightBytes -= held;
      held = 0;
    };
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.byteLength;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        release();
        const reason = `Body is over the ${limit}-byte limit.`;
        this.options.refusals.refuse(request, target, response, client, performance.now(), { httpStatus: 413, reason, size, headers: { connection: 'close' } });
        return;
      }
      if (!keep) return;
      held += chunk.byteLength;
      this.inFlightBytes += chunk.byteLength;
      client.inFlightBytes += chunk.byteLength;
      if (this.inFlightBytes > this.options.limits.inFlightBytes || client.inFlightBytes > this.options.limits.inFlightBytesPerAddress) {
        refused = true;
        chunks.length = 0;
        release();
        this.options.refusals.shed(request, response, client, performance.now(), 503, this.busyReason(), size, BUSY_RETRY_AFTER_S, target);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      if (!keep) {
        // Only the request line and headers: anyone can POST anywhere, and bodies there would fill the disk.
        const reason = `No provider at ${target.path}. Use /webhooks/<provider>, one of: ${providerIds.join(', ')}.`;
        this.options.refusals.refuse(request, target, response, client, performance.now(), { httpStatus: 404, reason, size, headers: {} });
        return;
      }
      const bytes = this.options.byteRate();
      const now = performance.now();
      const wait = bytes === null ? 0 : client.takeBytes(size + headerBytes(request), bytes, now);
      if (wait > 0) {
        // A chunked body, or one longer than it said: refused once its size is known, and not kept.
        chunks.length = 0;
        release();
        this.options.refusals.shed(request, response, client, now, 429, this.bytesReason(bytes!), size, wait, target);
        return;
      }
      void this.store(request, response, target, Buffer.concat(chunks, size), release);
    });
    request.on('error', () => {
      // The sender went away before the body was complete: there is no delivery to keep.
      release();
    });
  }

  /** Commits the delivery, then answers; `release` gives its bytes back to the in-flight budget once committed (or failed). */
  private async store(request: IncomingMessage, response: ServerResponse, target: RequestTarget, body: Buffer, release: () => void): Promise<void> {
    const delivery = captureDelivery(request, target, body, { trustForwardedHeaders: this.options.trustForwardedHeaders() });
    // A Map lookup; a relayed delivery's job is committed with it.
    const relayed = this.options.relay?.intercept(delivery) ?? null;
    try {
      await this.options.ingest.enqueue(delivery);
    } catch (error) {
      relayed?.notStored();
      release();
      this.options.onError?.(error);
      // Not stored: a 5xx makes the provider retry later.
      answer(response, 503, { error: 'The delivery could not be stored; please retry.' });
      return;
    }
    release();
    this.options.storage?.added(body.byteLength);
    // Committed first: then the relay forwards and answers (passthrough, simulate) or answers 200 (queue).
    if (relayed) return relayed.respond(response, body);
    answer(response, 200, { id: delivery.id });
  }
}
