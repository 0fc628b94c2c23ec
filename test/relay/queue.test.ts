/**
 * Queue acceptance: the backend goes down under a steady stream and comes back; every delivery
 * Gatewatch acknowledged reaches it, none lost. Dead letters, retry by hand and in bulk, pause.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startFakeBackend, type FakeBackend } from '../fakes/backend.js';
import type { RelayAttempt, RelayJobView, RelayRouteView } from '../../src-shared/contract/relay.js';
import { configurePaychant, paychantWebhook, saveRoute, until } from './helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (storeBackend) => {
  let gw: TestConsole;
  let backend: FakeBackend;

  beforeAll(async () => {
    gw = await startTestConsole({ backend: storeBackend });
    backend = await startFakeBackend();
    await configurePaychant(gw);
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
  });

  const deliveredIds = () => backend.requests.map((r) => r.header('x-gatewatch-delivery-id')!);
  const relayOf = async (id: string) => (await gw.api<{ job: RelayJobView; attempts: RelayAttempt[] }>('relay.attempts', { deliveryId: id })).body;
  const routes = async () => (await gw.api<{ routes: RelayRouteView[] }>('relay.routes.list')).body.routes;

  async function post(path: string, pid: string): Promise<string | null> {
    const { body, headers } = paychantWebhook(pid);
    const answered = await gw.post(path, body, headers);
    return answered.status === 200 ? ((await answered.json()) as { id: string }).id : null;
  }

  describe('relay queue', () => {
    it('delivers every acknowledged delivery after an outage under a steady stream, none lost', { timeout: 60_000 }, async () => {
      const route = await saveRoute(gw, {
        provider: 'paychant',
        url: backend.url('/queue'),
        mode: 'queue',
        concurrency: 4,
        // Short delays keep the test quick; the default schedule starts at 10 s.
        schedule: { kind: 'custom', delaysS: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
      });
      await backend.down();
      const acknowledged: string[] = [];
      // A steady stream: 20 deliveries every 100 ms for 2 s, all while the backend is down.
      for (let tick = 0; tick < 20; tick++) {
        const batch = await Promise.all(Array.from({ length: 20 }, (_, i) => post('/webhooks/paychant', `q-${tick}-${i}`)));
        acknowledged.push(...batch.filter((id): id is string => id !== null));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(acknowledged).toHaveLength(400);
      const during = (await routes()).find((r) => r.id === route.id)!;
      expect(during.stats.queueDepth).toBeGreaterThan(0);
      expect(during.stats.health).toBe('failing');
      expect(backend.requests).toHaveLength(0);

      await backend.up();
      await until(
        async () => new Set(deliveredIds()).size,
        (n) => n >= acknowledged.length,
        30_000,
      );
      await gw.gatewatch.context.relay.worker.idle();
      const received = deliveredIds();
      const missing = acknowledged.filter((id) => !received.includes(id));
      expect(missing).toEqual([]);
      // Without a crash nothing is sent twice.
      expect(received.length - new Set(received).size).toBe(0);
      const after = (await routes()).find((r) => r.id === route.id)!;
      expect(after.stats).toMatchObject({ queueDepth: 0, deadLetters: 0 });
      const delivered = (await gw.api<{ total: number }>('deliveries.list', { relay: 'delivered', limit: 1 })).body.total;
      expect(delivered).toBe(400);
      // Every try is recorded: the failures while the backend was down, then the one that worked.
      const sample = await relayOf(acknowledged[0]!);
      expect(sample.attempts.length).toBeGreaterThan(1);
      expect(sample.attempts.slice(0, -1).every((a) => a.outcome === 'failed' && /connection refused/.test(a.error!))).toBe(true);
      expect(sample.attempts.at(-1)).toMatchObject({ outcome: 'ok', response: { status: 200 } });
      expect(sample.job).toMatchObject({ state: 'delivered', attempts: sample.attempts.length });
      await gw.api('relay.routes.delete', { id: route.id });
    });

    it('makes a dead letter when the schedule ends, retried by hand one at a time or in bulk', { timeout: 30_000 }, async () => {
      const route = await saveRoute(gw, {
        provider: 'paychant',
        label: 'dead',
        url: backend.url('/dead'),
        mode: 'queue',
        schedule: { kind: 'custom', delaysS: [1] },
      });
      backend.answer = () => ({ status: 503, body: '{"error":"maintenance"}' });
      const ids = [await post('/webhooks/paychant/dead', 'dead-1'), await post('/webhooks/paychant/dead', 'dead-2')] as string[];
      await until(
        () => relayOf(ids[1]!),
        (r) => r.job.state === 'failed',
        10_000,
      );
      const first = await until(
        () => relayOf(ids[0]!),
        (r) => r.job.state === 'failed',
        10_000,
      );
      expect(first.attempts).toHaveLength(2);
      expect(first.job.lastError).toBe('the backend answered HTTP 503 Service Unavailable (try 2 of 2: the schedule has ended)');
      const view = (await routes()).find((r) => r.id === route.id)!;
      expect(view.stats).toMatchObject({ deadLetters: 2, health: 'failing' });
      const inbox = (await gw.api<{ items: Array<{ id: string; relayState: string }> }>('deliveries.list', { relay: 'failed' })).body.items;
      expect(inbox.map((d) => d.id).sort()).toEqual([...ids].sort());

      backend.answer = () => ({ status: 200, body: 'ok' });
      expect((await gw.api('relay.retry', { deliveryId: ids[0] })).body).toEqual({ retried: 1, skipped: 0, reasons: [] });
      await until(
        () => relayOf(ids[0]!),
        (r) => r.job.state === 'delivered',
      );
      const again = await gw.api<{ error: { message: string } }>('relay.retry', { deliveryId: ids[0] });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/already relayed and accepted/);
      expect((await gw.api('relay.retry', { filter: { routeId: route.id } })).body).toEqual({ retried: 1, skipped: 0, reasons: [] });
      await until(
        () => relayOf(ids[1]!),
        (r) => r.job.state === 'delivered',
      );
      expect((await routes()).find((r) => r.id === route.id)!.stats.deadLetters).toBe(0);
      await gw.api('relay.routes.delete', { id: route.id });
    });

    it('holds deliveries while paused and sends them on resume', { timeout: 20_000 }, async () => {
      const route = await saveRoute(gw, { provider: 'paychant', label: 'paused', url: backend.url('/paused'), mode: 'queue' });
      expect((await gw.api<RelayRouteView>('relay.pause', { routeId: route.id })).body.paused).toBe(true);
      const before = backend.requests.length;
      const id = (await post('/webhooks/paychant/paused', 'paused-1'))!;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(backend.requests.length).toBe(before);
      expect((await relayOf(id)).job).toMatchObject({ state: 'pending', attempts: 0 });
      expect((await routes()).find((r) => r.id === route.id)!.stats).toMatchObject({ health: 'paused', queueDepth: 1 });
      await gw.api('relay.resume', { routeId: route.id });
      await until(
        () => relayOf(id),
        (r) => r.job.state === 'delivered',
        5_000,
      );
      expect(deliveredIds()).toContain(id);
    });

    it('turns waiting deliveries into dead letters when their route is deleted, and says how many', async () => {
      const route = await saveRoute(gw, { provider: 'paychant', label: 'gone', url: backend.url('/gone'), mode: 'queue' });
      await gw.api('relay.pause', { routeId: route.id });
      const id = (await post('/webhooks/paychant/gone', 'gone-1'))!;
      expect((await gw.api('relay.routes.delete', { id: route.id })).body).toEqual({ deleted: true, deadLettered: 1 });
      expect((await relayOf(id)).job).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/route .* was deleted/) });
      const retry = await gw.api<{ error: { message: string } }>('relay.retry', { deliveryId: id });
      expect(retry.status).toBe(409);
      expect(retry.body.error.message).toMatch(/route was deleted/);
      // Without the route, the path is an ordinary one again.
      const plain = await gw.post('/webhooks/paychant/gone', paychantWebhook('gone-2').body);
      expect((await relayOf(((await plain.json()) as { id: string }).id)).job).toBeNull();
    });
  });
});
