/**
 * Realistic deliveries for the store benchmarks: the seeds' payloads of all five providers (the
 * search corpus's templates, weighted), each copy with its own ids, signed the way the provider
 * signs, with the headers a tunnel passes on.
 */
import { createHash } from 'node:crypto';
import { newId } from '../../src-main/store/ids.js';
import type { NewDelivery } from '../../src-main/store/types.js';
import { SENTINEL, templatePicker, uniqueValues, type DeliveryTemplate } from '../search/corpus.js';

/** What the request took on the wire: body plus `Name: value\r\n` per header. */
export function rawRequestBytes(d: NewDelivery): number {
  const headers = d.headers.reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value) + 4, 0);
  return headers + (d.body?.byteLength ?? 0);
}

/** Delivery number n of a deterministic mix (the same n gives the same delivery). */
export function deliveryMaker(templates: readonly DeliveryTemplate[]): (n: number) => NewDelivery {
  const pick = templatePicker(templates);
  return (n) => {
    const t = pick(n);
    const values = uniqueValues(n);
    const body = Buffer.from(t.body.replace(SENTINEL, (token) => values[token]!), 'utf8');
    // The template's signature header is kept as is: it is as long and as random as a real one.
    const headers = (JSON.parse(t.headers) as Array<[string, string]>).map(
      ([name, value]): [string, string] => (name === 'Content-Length' ? [name, String(body.byteLength)] : [name, value]),
    );
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
