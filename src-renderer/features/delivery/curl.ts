import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import { isCredentialHeader } from '../../../src-shared/domain/credential-headers.js';

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
 * A comment line above the command when credential values in it are the masked ones: run as it
 * is, it would send `Bearer ••••abcd`, so it says so instead of being silently wrong.
 */
function maskedNote(names: string[]): string {
  return names.length === 0
    ? ''
    : `# Gatewatch masked ${names.join(', ')}: not the values received; put them in before sending (the desktop app can reveal them).\n`;
}

/**
 * The delivery as a curl command that sends the same request again: the provider's own headers
 * (signature included) and the exact body bytes. It contains only what the provider sent, never
 * a secret of ours; credential values stay masked unless the user revealed them.
 */
export function curlCommand(
  delivery: Pick<DeliveryDetail, 'method' | 'path' | 'query' | 'headers' | 'body' | 'bodyBase64'>,
  baseUrl: string,
  options: { credentialsMasked: boolean } = { credentialsMasked: true },
): string {
  const url = `${baseUrl.replace(/\/$/, '')}${delivery.path}${delivery.query ? `?${delivery.query}` : ''}`;
  const parts = [`curl -X ${delivery.method} ${shellQuote(url)}`];
  const headers = delivery.headers.filter(([name]) => !HOP_HEADERS.has(name.toLowerCase()));
  for (const [name, value] of headers) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  const note = maskedNote(options.credentialsMasked ? headers.map(([name]) => name).filter(isCredentialHeader) : []);
  if (delivery.body !== null) {
    if (delivery.body.length > 0) parts.push(`--data-binary ${shellQuote(delivery.body)}`);
    return note + parts.join(' \\\n  ');
  }
  const bytes = Uint8Array.from(atob(delivery.bodyBase64), (c) => c.charCodeAt(0));
  return `${note}printf '%b' ${shellQuote(printfBytes(bytes))} | ${parts.join(' \\\n  ')} \\\n  --data-binary @-`;
}
