/**
 * The relay's alerts through the real relay in serve mode: a passthrough route whose backend keeps
 * failing, and a Paychant event refused on the last of its 49 documented tries (the provider gives
 * up), each becoming one alert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startFakeBackend, type FakeBackend } from '../fakes/backend.js';
import { configurePaychant, paychantWebhook, saveRoute, until } from '../relay/helpers.js';
import type { AlertsStatus } from '../../src-shared/contract/alerts.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (storeBackend) => {
  let gw: TestConsole;
  let backend: FakeBackend;

  beforeAll(async () => {
    gw = await startTestConsole({ backend: storeBackend });
    backend = await startFakeBackend();
    backend.answer = () => ({ status: 500, body: '{"error":"db down"}' });
    await configurePaychant(gw);
    await saveRoute(gw, { provider: 'paychant', url: backend.url('/hooks'), mode: 'passthrough', timeoutMs: 400 });
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
  });

  const alerts = async () => (await gw.api<AlertsStatus>('alerts.get')).body;

  describe('relay alerts', () => {
    it('watches both relay kinds once the relay is part of the build', async () => {
      expect((await alerts()).unwatched).toEqual([]);
    });

    it('alerts once when a route’s backend keeps failing', async () => {
      for (const pid of ['fail-1', 'fail-2', 'fail-3']) {
        const { body, headers } = paychantWebhook(pid);
        expect((await gw.post('/webhooks/paychant', body, headers)).status).toBe(500);
      }
      const status = await until(alerts, (s) => s.recent.some((a) => a.kind === 'relay_route_failing'));
      const failing = status.recent.filter((a) => a.kind === 'relay_route_failing');
      expect(failing).toHaveLength(1);
      expect(failing[0]).toMatchObject({ title: 'Relay route “/webhooks/paychant” is failing', route: '#/dashboard' });
      expect(failing[0]!.body).toMatch(/^The backend's last 3 tries failed: the backend answered HTTP 500/);
    });

    it('alerts when the provider’s last documented try is refused too: it gave up', async () => {
      const { body, headers } = paychantWebhook('given-up');
      for (let attempt = 1; attempt <= 48; attempt++) await gw.post('/webhooks/paychant', body, headers);
      await gw.gatewatch.worker.idle();
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect((await alerts()).recent.filter((a) => a.kind === 'provider_gave_up')).toEqual([]);
      const last = await gw.post('/webhooks/paychant', body, headers);
      const lastId = last.headers.get('x-gatewatch-delivery-id')!;
      const status = await until(alerts, (s) => s.recent.some((a) => a.kind === 'provider_gave_up'));
      expect(status.recent.filter((a) => a.kind === 'provider_gave_up')).toEqual([
        expect.objectContaining({ title: 'Paychant gave up retrying', route: `#/deliveries/${lastId}` }),
      ]);
    }, 60_000);
  });
});
