/**
 * Realistic deliveries for the store benchmarks: the seeds' payloads of all five providers (the
 * search corpus's templates, weighted), each copy with its own ids, signed the way its provider
 * signs (mostly with the configured secret, some with another), with the headers a tunnel passes on.
 */
import { createHash } from 'node:crypto';
import { newId } from '../../src-main/store/ids.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import type { NewDelivery } from '../../src-main/store/types.js';
import { SENTINEL, templatePicker, uniqueValues, type DeliveryTemplate } from '../search/corpus.js';

/** The webhook secret serve mode is configured with for every provider in the benchmarks. */
export const BENCH_WEBHOOK_SECRET = { label: 'bench', value: 'bench-webhook-secret-0123456789', key: 'bench-public-key' };
const OTHER_SECRET = { ...BENCH_WEBHOOK_SECRET, value: 'another-secret-entirely' };
/** Headers every template starts with (the rest are its provider's signature headers). */
const BASE_HEADERS = 5;

/** What the request took on the wire: body plus `Name: value\r\n` per header. */
export function rawRequestBytes(d: Pick<NewDelivery, 'headers' | 'body'>): number {
  const headers = d.headers.reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value) + 4, 0);
  return headers + (d.body?.byteLength ?? 0);
}

/** A token found only in delivery n (search finds it once n is derived). */
export const uniqueToken = (n: number): string => uniqueValues(n).SEEDX!;

/** Delivery number n of a deterministic mix (the same n gives the same delivery). */
export function deliveryMaker(templates: readonly DeliveryTemplate[]): (n: number) => NewDelivery {
  const pick = templatePicker(templates);
  return (n) => {
    const t = pick(n);
    const values = uniqueValues(n);
    const body = Buffer.from(
      t.body.replace(SENTINEL, (token) => values[token]!),
      'utf8',
    );
    const base = (JSON.parse(t.headers) as Array<[string, string]>)
      .slice(0, BASE_HEADERS)
      .map(([name, value]): [string, string] => (name === 'Content-Length' ? [name, String(body.byteLength)] : [name, value]));
    const secret = t.derived.verification.status === 'invalid' ? OTHER_SECRET : BENCH_WEBHOOK_SECRET;
    const headers: Array<[string, string]> = [...base, ...Object.entries(providerAdapters[t.provider].signWebhook(body, secret))];
    return {
      id: newId('dlv'),
      provider: t.provider,
      label: null,
      receivedAt: new Date().toISOString(),
      method: 'POST',
      path: `/webhooks/${t.provider}`,
      query: '',
      headers,
      body,
      size: body.byteLength,
      bodySha256: createHash('sha256').update(body).digest('hex'),
      remoteAddress: '127.0.0.1',
      forwarded: null,
      rejected: null,
    };
  };
}
