/** Test helpers: deliveries from strings, and independent reference signers (not the code under test). */
import { createHash, createHmac } from 'node:crypto';
import type { WebhookDelivery } from '../../src-main/providers/types.js';

export function delivery(body: string | Uint8Array, headers: Record<string, string> = {}): WebhookDelivery {
  return {
    headers: [['Content-Type', 'application/json'], ...Object.entries(headers)],
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  };
}

export const hmacHex = (algo: string, secret: string, content: string | Buffer): string => createHmac(algo, secret).update(content).digest('hex');
export const hmacB64 = (algo: string, secret: string, content: string | Buffer): string => createHmac(algo, secret).update(content).digest('base64');
export const sha256Hex = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex');
export const md5Hex = (content: string): string => createHash('md5').update(content).digest('hex');

/** The seed's TypeScript sample: top-level keys sorted into a new object, then JSON.stringify. */
export function jsTopLevelSorted(body: string): string {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  Object.keys(parsed)
    .sort()
    .forEach((key) => {
      sorted[key] = parsed[key];
    });
  return JSON.stringify(sorted);
}

export function jsRecursivelySorted(body: string): string {
  const sortDeep = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortDeep);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) out[key] = sortDeep((v as Record<string, unknown>)[key]);
    return out;
  };
  return JSON.stringify(sortDeep(JSON.parse(body)));
}

/** What PHP's json_encode changes relative to JS for a body whose only non-ASCII is ë, ü and whose numbers print alike. */
export function phpFromJs(js: string, escapeSlashes: boolean): string {
  const escaped = js.replaceAll('ë', '\\u00eb').replaceAll('ü', '\\u00fc');
  return escapeSlashes ? escaped.replaceAll('/', '\\/') : escaped;
}
