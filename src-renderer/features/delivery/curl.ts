import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';

/**
 * Headers curl sets itself or that describe the hop, not the provider's request: sending them
 * again would be wrong (a stale content-length) or meaningless (our tunnel's forwarding headers).
 */
const HOP_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'accept-encoding',
  'expect',
  'upgrade',
  'te',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
  'cf-connecting-ip',
  'cf-ray',
  'ngrok-skip-browser-warning',
]);

/** POSIX shell single quotes: everything literal, a quote as '\''. */
export const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Bytes as a printf format, for bodies that are not UTF-8 text. */
function printfBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

/**
 * The delivery as a curl command that sends the same request again: the provider's own headers
 * (signature included) and the exact body bytes. It contains only what the provider sent, never
 * a secret of ours.
 */
export function curlCommand(delivery: Pick<DeliveryDetail, 'method' | 'path' | 'query' | 'headers' | 'body' | 'bodyBase64'>, baseUrl: string): string {
  const url = `${baseUrl.replace(/\/$/, '')}${delivery.path}${delivery.query ? `?${delivery.query}` : ''}`;
  const parts = [`curl -X ${delivery.method} ${shellQuote(url)}`];
  for (const [name, value] of delivery.headers) {
    if (!HOP_HEADERS.has(name.toLowerCase())) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (delivery.body !== null) {
    if (delivery.body.length > 0) parts.push(`--data-binary ${shellQuote(delivery.body)}`);
    return parts.join(' \\\n  ');
  }
  const bytes = Uint8Array.from(atob(delivery.bodyBase64), (c) => c.charCodeAt(0));
  return `printf '%b' ${shellQuote(printfBytes(bytes))} | ${parts.join(' \\\n  ')} \\\n  --data-binary @-`;
}
