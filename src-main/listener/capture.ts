import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ForwardedInfo, HeaderPair } from '../../src-shared/domain/delivery.js';
import type { NewDelivery } from '../store/types.js';
import { newId } from '../store/ids.js';
import type { RequestTarget } from './routes.js';

/** Headers exactly as they came over the wire: order, case and repeats kept. */
export function rawHeaderPairs(request: IncomingMessage): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) pairs.push([request.rawHeaders[i]!, request.rawHeaders[i + 1]!]);
  return pairs;
}

function forwardedInfo(request: IncomingMessage): ForwardedInfo | null {
  const one = (name: string): string | null => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : (value ?? null);
  };
  const info = { for: one('x-forwarded-for'), proto: one('x-forwarded-proto'), host: one('x-forwarded-host') };
  return info.for === null && info.proto === null && info.host === null ? null : info;
}

export interface CaptureOptions {
  trustForwardedHeaders: boolean;
  /** When the body was not kept (refused, or an unknown path): the answer the sender got and why. */
  rejected?: { httpStatus: number; reason: string };
  size?: number;
}

/** Builds the record of one request, ready to be committed before it is answered. */
export function captureDelivery(request: IncomingMessage, target: RequestTarget, body: Buffer | null, options: CaptureOptions): NewDelivery {
  return {
    id: newId('dlv'),
    provider: target.provider,
    label: target.label,
    receivedAt: new Date().toISOString(),
    method: request.method ?? 'POST',
    path: target.path,
    query: target.query,
    headers: rawHeaderPairs(request),
    body,
    size: options.size ?? body?.byteLength ?? 0,
    bodySha256: body === null ? null : createHash('sha256').update(body).digest('hex'),
    remoteAddress: request.socket.remoteAddress ?? null,
    forwarded: options.trustForwardedHeaders ? forwardedInfo(request) : null,
    rejected: options.rejected ?? null,
  };
}
