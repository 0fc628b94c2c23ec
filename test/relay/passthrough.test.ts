/**
 * Passthrough acceptance: the provider gets the backend's answer (200, 500), 504 when the backend
 * is too slow and 502 when it cannot be reached; every try is recorded; the backend receives the
 * provider's exact bytes, and the provider's signature still verifies there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startFakeBackend, type FakeBackend } from '../fakes/backend.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { RelayAttempt, RelayJobView } from '../../src-shared/contract/relay.js';
import { configurePaychant, paychantSignatureVerifies, paychantWebhook, saveRoute } from './helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (storeBackend) => {
  let gw: TestConsole;
  let backend: FakeBackend;

  beforeAll(async () => {
    gw = await startTestConsole({ backend: storeBackend });
    backend = await startFakeBackend();
    await configurePaychant(gw);
    await saveRoute(gw, { provider: 'paychant', url: backend.url('/hooks'), mode: 'passthrough', timeoutMs: 400 });
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
  });

  async function relayOf(id: string) {
    await gw.gatewatch.context.relay.recorder.idle();
    const { body } = await gw.api<{ job: RelayJobView; attempts: RelayAttempt[] }>('relay.attempts', { deliveryId: id });
    return body;
  }

  describe('relay passthrough', () => {
    it('passes a 200 on, with the exact bytes and a signature that still verifies at the backend', async () => {
      const { body, headers } = paychantWebhook('pass-200');
      const secretHeader = 'Bearer relay-credential-0123456789abcdef';
      const answered = await gw.post('/webhooks/paychant', body, { ...headers, authorization: secretHeader });
      expect(answered.status).toBe(200);
      expect(await answered.text()).toBe('{"ok":true}');
      const id = answered.headers.get('x-gatewatch-delivery-id')!;
      expect(id).toMatch(/^dlv_/);

      const received = backend.requests.at(-1)!;
      expect(received.body.equals(Buffer.from(body))).toBe(true);
      expect(paychantSignatureVerifies(received.body, received.header('paychant-signature'))).toBe(true);
      expect(received.header('x-gatewatch-delivery-id')).toBe(id);
      // It is the provider's request to the merchant's own backend: credentials go as received…
      expect(received.header('authorization')).toBe(secretHeader);
      // …and the delivery, stored before anything was forwarded, has the same bytes.
      expect(Buffer.from((await gw.gatewatch.store.deliveries.get(id))!.body!).toString()).toBe(body);

      const relay = await relayOf(id);
      expect(relay.job).toMatchObject({ state: 'delivered', mode: 'passthrough', attempts: 1, answeredStatus: 200 });
      expect(relay.attempts).toHaveLength(1);
      expect(relay.attempts[0]).toMatchObject({ outcome: 'ok', number: 1, response: { status: 200, body: '{"ok":true}' }, error: null });
      // …but the record keeps them masked.
      const kept = relay.attempts[0]!.sentHeaders.find(([n]) => n.toLowerCase() === 'authorization')![1];
      expect(kept).not.toContain('0123456789abcdef');
      expect(kept).toMatch(/^Bearer ••••cdef$/);
      const detail = (await gw.api<DeliveryDetail>('deliveries.get', { id })).body;
      expect(detail.providerRetry).toBeNull();
    });

    it('passes a 500 on, and says when the provider will retry', async () => {
      backend.answer = () => ({ status: 500, body: '{"error":"db down"}' });
      const { body, headers } = paychantWebhook('pass-500');
      const answered = await gw.post('/webhooks/paychant', body, headers);
      expect(answered.status).toBe(500);
      expect(await answered.text()).toBe('{"error":"db down"}');
      const id = answered.headers.get('x-gatewatch-delivery-id')!;
      const relay = await relayOf(id);
      expect(relay.job).toMatchObject({ state: 'failed', answeredStatus: 500 });
      expect(relay.attempts[0]).toMatchObject({ outcome: 'failed', response: { status: 500 }, error: 'the backend answered HTTP 500 Internal Server Error' });
      const detail = (await gw.api<DeliveryDetail>('deliveries.get', { id })).body;
      expect(detail.providerRetry).toMatchObject({ state: 'expected', attempt: 2, of: 49, gaveUp: false, answeredStatus: 500 });
      expect(Date.parse(detail.providerRetry!.nextAt!) - Date.parse(detail.receivedAt)).toBe(30 * 60_000);
    });

    it('answers 504 when the backend is slower than the route allows', async () => {
      backend.answer = () => ({ status: 200, body: '{}', delayMs: 1_500 });
      const { body, headers } = paychantWebhook('pass-slow');
      const started = Date.now();
      const answered = await gw.post('/webhooks/paychant', body, headers);
      expect(answered.status).toBe(504);
      expect(Date.now() - started).toBeLessThan(1_400);
      const id = answered.headers.get('x-gatewatch-delivery-id')!;
      expect(((await answered.json()) as { error: string }).error).toMatch(/timed out/);
      const relay = await relayOf(id);
      expect(relay.job).toMatchObject({ state: 'failed', answeredStatus: 504 });
      expect(relay.attempts[0]!.response).toBeNull();
      expect(relay.attempts[0]!.error).toMatch(/no complete answer within 0\.4 s \(timed out\); the backend may still have processed/);
    });

    it('answers 502 when the backend refuses the connection', async () => {
      backend.answer = () => ({ status: 200, body: '{"ok":true}' });
      await backend.down();
      try {
        const { body, headers } = paychantWebhook('pass-refused');
        const answered = await gw.post('/webhooks/paychant', body, headers);
        expect(answered.status).toBe(502);
        const id = answered.headers.get('x-gatewatch-delivery-id')!;
        const relay = await relayOf(id);
        expect(relay.job).toMatchObject({ state: 'failed', answeredStatus: 502 });
        expect(relay.attempts[0]!.error).toMatch(/connection refused by 127\.0\.0\.1:\d+/);
        // Stored all the same: the provider's retry will bring it again, and it is here meanwhile.
        expect((await gw.gatewatch.store.deliveries.get(id))?.body).not.toBeNull();
      } finally {
        await backend.up();
      }
    });

    it('leaves a path without a route exactly as before', async () => {
      const before = backend.requests.length;
      const answered = await gw.post('/webhooks/paychant/eu', paychantWebhook('no-route').body);
      expect(answered.status).toBe(200);
      expect(answered.headers.get('x-gatewatch-delivery-id')).toBeNull();
      const { id } = (await answered.json()) as { id: string };
      expect((await relayOf(id)).job).toBeNull();
      expect(backend.requests.length).toBe(before);
    });

    it('filters the inbox by relay state', async () => {
      const failed = (await gw.api<{ items: Array<{ id: string; relayState: string }> }>('deliveries.list', { relay: 'failed' })).body.items;
      expect(failed.map((d) => d.relayState)).toEqual(['failed', 'failed', 'failed']);
      const delivered = (await gw.api<{ items: Array<{ relayState: string }> }>('deliveries.list', { relay: 'delivered' })).body.items;
      expect(delivered).toHaveLength(1);
      const all = (await gw.api<{ items: Array<{ relayState: string | null }> }>('deliveries.list', {})).body.items;
      expect(all.filter((d) => d.relayState === null)).toHaveLength(1);
    });
  });
});
