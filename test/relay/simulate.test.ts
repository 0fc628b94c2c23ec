/**
 * Simulate acceptance: "fail the next 2 with 500" → a scripted provider retry gets 500, 500, then
 * 200, and the timeline shows the three tries linked with the expected retry times. Also "time out".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { TimelineGetOutput } from '../../src-shared/contract/timeline.js';
import type { RelayRouteView } from '../../src-shared/contract/relay.js';
import { configurePaychant, paychantWebhook, saveRoute } from './helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole;
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    await configurePaychant(gw);
  });
  afterAll(async () => {
    await gw.close();
  });

  const detail = async (id: string) => (await gw.api<DeliveryDetail>('deliveries.get', { id })).body;

  describe('relay simulate', () => {
    it('fails the next 2 with 500, then accepts; the timeline links the three tries with their expected retry times', async () => {
      const route = await saveRoute(gw, { provider: 'paychant', mode: 'simulate', simulate: { status: 500, body: '{"error":"simulated"}', failNext: 2 } });
      expect(route.simulate).toMatchObject({ status: 500, failNext: 2, remaining: 2 });
      // The provider's retry repeats the same event (same pid and code): the same bytes, three times.
      const { body, headers } = paychantWebhook('sim-pid-1', 'PAYMENT_COMPLETED');
      const tries: Array<{ status: number; id: string }> = [];
      for (let i = 0; i < 3; i++) {
        const answered = await gw.post('/webhooks/paychant', body, headers);
        const id = answered.status === 200 ? ((await answered.json()) as { id: string }).id : answered.headers.get('x-gatewatch-delivery-id')!;
        tries.push({ status: answered.status, id });
        if (i < 2) expect(await answered.text()).toBe('{"error":"simulated"}');
      }
      expect(tries.map((t) => t.status)).toEqual([500, 500, 200]);
      const list = (await gw.api<{ routes: RelayRouteView[] }>('relay.routes.list')).body.routes;
      expect(list[0]!.simulate!.remaining).toBe(0);

      await gw.gatewatch.worker.idle();
      const [first, second, third] = await Promise.all(tries.map((t) => detail(t.id)));
      expect(second!.duplicateOf).toBe(first!.id);
      expect(third!.duplicateOf).toBe(first!.id);
      expect(first!.providerRetry).toMatchObject({ state: 'arrived', attempt: 2, of: 49, retryDeliveryId: second!.id, answeredStatus: 500 });
      expect(second!.providerRetry).toMatchObject({ state: 'arrived', attempt: 3, of: 49, retryDeliveryId: third!.id, answeredStatus: 500 });
      expect(Date.parse(first!.providerRetry!.nextAt!)).toBe(Date.parse(first!.receivedAt) + 30 * 60_000);
      expect(third!.providerRetry).toBeNull();

      const timeline = (await gw.api<TimelineGetOutput>('timeline.get', { key: 'sim-pid-1' })).body;
      expect(timeline.steps.filter((s) => s.kind === 'delivery').map((s) => s.id)).toEqual(tries.map((t) => t.id));
      const relaySteps = timeline.steps.filter((s) => s.kind === 'relay');
      expect(relaySteps.map((s) => s.title)).toEqual(['Simulated answer: HTTP 500', 'Simulated answer: HTTP 500', 'Simulated answer: HTTP 200']);
      // The date comes from the expected time itself: 30 minutes after 23:40 is the next day.
      const expectedAt = (d: DeliveryDetail) => new Date(Date.parse(d.receivedAt) + 30 * 60_000).toISOString().slice(0, 19).replace('T', ' ');
      expect(relaySteps[0]!.detail).toContain(`Paychant retried at `);
      expect(relaySteps[0]!.detail).toContain(`(try 2 of 49, expected around ${expectedAt(first!)} UTC). The retry is ${second!.id}.`);
      expect(relaySteps[1]!.detail).toContain(`(try 3 of 49, expected around ${expectedAt(second!)} UTC). The retry is ${third!.id}.`);
      expect(relaySteps[2]!.detail).toBe('nothing was forwarded');
      expect(relaySteps.map((s) => s.deliveryId)).toEqual(tries.map((t) => t.id));
    });

    it('simulates a time-out: no answer at all, and a retry expected', async () => {
      await saveRoute(gw, { provider: 'paychant', label: 'timeout', mode: 'simulate', timeoutMs: 300, simulate: { noAnswer: true } });
      const { body, headers } = paychantWebhook('sim-timeout');
      const started = Date.now();
      await expect(gw.post('/webhooks/paychant/timeout', body, headers)).rejects.toThrow();
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
      await gw.gatewatch.worker.idle();
      const { items } = (await gw.api<{ items: Array<{ id: string; relayState: string }> }>('deliveries.list', { q: 'sim-timeout' })).body;
      expect(items.map((i) => i.relayState)).toEqual(['simulated']);
      const d = await detail(items[0]!.id);
      expect(d.providerRetry).toMatchObject({ state: 'expected', attempt: 2, of: 49, answeredStatus: null });
    });

    it('refuses to pause a simulate route, in words', async () => {
      const { routes } = (await gw.api<{ routes: RelayRouteView[] }>('relay.routes.list')).body;
      const answer = await gw.api<{ error: { message: string } }>('relay.pause', { routeId: routes[0]!.id });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/nothing to pause/);
    });
  });
});
