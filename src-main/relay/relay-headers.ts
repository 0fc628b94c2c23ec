/**
 * What a relay sends to the backend and what it passes back to the provider. The request is the
 * provider's own, to the merchant's own backend: its headers go as received (credentials too),
 * minus those describing the connection to Gatewatch (request-headers.ts), plus the delivery id
 * to dedupe on and the provider's address.
 */
import type { HeaderPair } from '../../src-shared/domain/delivery.js';
import { isDroppedHeader } from '../replay/request-headers.js';

export const DELIVERY_ID_HEADER = 'X-Gatewatch-Delivery-Id';
const OWN = new Set([DELIVERY_ID_HEADER.toLowerCase()]);

export interface RelaySource {
  id: string;
  headers: readonly HeaderPair[];
  remoteAddress: string | null;
  forwarded: { for: string | null } | null;
}

export function relayRequestHeaders(delivery: RelaySource): HeaderPair[] {
  const kept: HeaderPair[] = delivery.headers.filter(([name]) => !isDroppedHeader(name) && !OWN.has(name.toLowerCase())).map(([n, v]) => [n, v]);
  kept.push([DELIVERY_ID_HEADER, delivery.id]);
  // A backend that allow-lists the provider's addresses (Instap's static IPs) can still check them.
  const from = delivery.forwarded?.for ?? delivery.remoteAddress;
  if (from) kept.push(['X-Forwarded-For', from]);
  return kept;
}

/** The backend's answer headers a provider may care about; the rest describe the backend's connection. */
const PASSED_BACK = new Set(['content-type', 'content-encoding', 'content-language', 'retry-after', 'location', 'www-authenticate']);

export function answerHeadersForProvider(headers: readonly HeaderPair[], deliveryId: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (!PASSED_BACK.has(lower)) continue;
    const before = out[lower];
    out[lower] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  out[DELIVERY_ID_HEADER.toLowerCase()] = deliveryId;
  return out;
}
