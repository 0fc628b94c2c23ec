/**
 * Two instances of serve mode (in this process, on its real start path) on one PostgreSQL
 * database: configuration changed through instance A's console takes effect on instance B within
 * about a second, not at B's next start. A route paused on A is held on B (a passthrough there
 * is stored and queued, not sent to the backend), resumed it is sent, deleted it is gone; a
 * listener rate limit, a provider's webhook secrets and the alert settings set on A are B's too.
 * A change said while B's channel was down is read when B listens again.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../src-main/store/postgres/index.js';
import type { AlertsStatus } from '../../src-shared/contract/alerts.js';
import type { RelayAttempt, RelayJobView, RelayRouteView } from '../../src-shared/contract/relay.js';
import { createTestDatabase, databaseContents, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';
import { postgresBackend, type StoreBackend } from '../helpers/store-backends.js';
import { tempDir } from '../helpers/temp.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';

/** What "about a second" allows on a busy machine. */
const WITHIN_MS = 1_500;

interface Backend {
  url: string;
  received: string[];
  close(): Promise<void>;
}

/** The merchant's backend: answers 200 and keeps the bodies it got. */
async function backend(): Promise<Backend> {
  const received: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push(Buffer.concat(chunks).toString());
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** As postgresBackend, on a database whose URL the test knows (to cut its connections). */
function backendOn(url: string): StoreBackend {
  return {
    name: 'postgres',
    async open() {
      const dir = tempDir();
      const open = () => openPostgresStore(url, { log: () => {} });
      return {
        store: await open(),
        dataDir: dir.path,
        reopen: open,
        contents: () => databaseContents(url),
        remove: async () => {
          dir.remove();
          await dropTestDatabase(url);
        },
      };
    },
  };
}

const webhook = (pid: string) => `{"event":"PAYMENT_COMPLETED","data":{"pid":"${pid}"}}`;

describe.skipIf(sharedCluster() === null)('configuration shared by the instances on one PostgreSQL database', () => {
  let a: TestConsole | undefined;
  let b: TestConsole | undefined;
  let merchant: Backend | undefined;
  afterEach(async () => {
    // B first, keeping the database; A's close drops it.
    await b?.close({ keepData: true });
    await a?.close();
    await merchant?.close();
  });

  it('a route paused, resumed and deleted on A, and a rate limit, webhook secrets and alert settings set on A, apply on B at once', {
    timeout: 60_000,
  }, async () => {
    merchant = await backend();
    a = await startTestConsole({ backend: postgresBackend({ timing: { heartbeatMs: 500, staleAfterMs: 5_000 } }) });
    const saved = await a.api<RelayRouteView>('relay.routes.save', { provider: 'paychant', url: merchant.url, mode: 'passthrough' });
    expect(saved.status).toBe(200);
    const routeId = saved.body.id;
    // B starts with the route in place, as a second instance behind a load balancer does.
    b = await startTestConsole({ opened: a.opened! });
    const onB = b;
    const routeOnB = async () => (await onB.gatewatch.context.relay.routes.list()).find((r) => r.id === routeId);
    const jobOnB = async (id: string) => (await onB.api<{ job: RelayJobView | null; attempts: RelayAttempt[] }>('relay.attempts', { deliveryId: id })).body;

    // B relays on the route: the backend's answer comes back through B.
    const relayed = await b.post('/webhooks/paychant', webhook('before-pause'));
    expect(relayed.status).toBe(200);
    expect(await relayed.json()).toEqual({ ok: true });
    expect(merchant.received).toEqual([webhook('before-pause')]);

    // Paused on A: B holds what it receives (stored, answered by Gatewatch, queued), sends nothing.
    expect((await a.api('relay.pause', { routeId })).status).toBe(200);
    await expect.poll(async () => (await routeOnB())?.paused, { timeout: WITHIN_MS, interval: 50 }).toBe(true);
    const held = await b.post('/webhooks/paychant', webhook('while-paused'));
    expect(held.status).toBe(200);
    const { id: heldId } = (await held.json()) as { id: string };
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(merchant.received).toEqual([webhook('before-pause')]);
    expect((await jobOnB(heldId)).job).toMatchObject({ mode: 'queue', state: 'pending', attempts: 0 });

    // Resumed on A: what was held is sent (by whichever instance claims it first).
    expect((await a.api('relay.resume', { routeId })).status).toBe(200);
    await expect.poll(async () => (await routeOnB())?.paused, { timeout: WITHIN_MS, interval: 50 }).toBe(false);
    await expect.poll(() => merchant!.received.length, { timeout: 15_000 }).toBe(2);
    expect(merchant.received[1]).toBe(webhook('while-paused'));

    // Deleted on A: B stores what it receives and relays nothing.
    expect((await a.api('relay.routes.delete', { id: routeId })).status).toBe(200);
    await expect.poll(routeOnB, { timeout: WITHIN_MS, interval: 50 }).toBeUndefined();
    const unrouted = await b.post('/webhooks/paychant', webhook('after-delete'));
    expect(unrouted.status).toBe(200);
    const { id: unroutedId } = (await unrouted.json()) as { id: string };
    expect((await jobOnB(unroutedId)).job).toBeNull();
    expect(merchant.received).toHaveLength(2);

    // A provider's webhook secrets changed on A: B does not go on verifying with the ones it had cached.
    expect(await b.gatewatch.context.providerConfig.webhookSecrets('paychant')).toEqual([]);
    const configured = await a.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'main', value: 'whsec_shared_0123456789' }] });
    expect(configured.status).toBe(200);
    await expect
      .poll(async () => (await onB.gatewatch.context.providerConfig.webhookSecrets('paychant')).map((s) => s.value), { timeout: WITHIN_MS, interval: 50 })
      .toEqual(['whsec_shared_0123456789']);

    // Alert settings changed on A are B's.
    const alerts = (await a.api<AlertsStatus>('alerts.get')).body.settings;
    const quiet = { ...alerts, kinds: { ...alerts.kinds, signature_failures: false } };
    expect((await a.api('alerts.configure', quiet)).status).toBe(200);
    await expect
      .poll(async () => (await onB.api<AlertsStatus>('alerts.get')).body.settings.kinds.signature_failures, { timeout: WITHIN_MS, interval: 50 })
      .toBe(false);
    // B's page was opened before A's change: B changing the quiet hours does not switch the kind on again.
    const quietHours = { enabled: true, from: '22:00', to: '06:00', timeZone: 'Europe/Berlin' };
    const both = (await onB.api<AlertsStatus>('alerts.configure', { quietHours })).body.settings;
    expect(both).toEqual({ kinds: { ...alerts.kinds, signature_failures: false }, quietHours });

    // A rate limit set on A: B refuses a sender over it (last: it holds this test's own posts to B).
    expect((await a.api('listener.configure', { rateLimit: { perSecond: 0.01, burst: 1 } })).status).toBe(200);
    await expect
      .poll(() => onB.gatewatch.context.listenerSettings.get().rateLimit, { timeout: WITHIN_MS, interval: 50 })
      .toEqual({ perSecond: 0.01, burst: 1 });
    expect((await b.post('/webhooks/paychant', webhook('first'))).status).toBe(200);
    expect((await b.post('/webhooks/paychant', webhook('over-the-limit'))).status).toBe(429);
  });

  it('reads its configuration again when its channel listens again, a change said meanwhile having gone unheard', { timeout: 60_000 }, async () => {
    const url = await createTestDatabase();
    a = await startTestConsole({ backend: backendOn(url) });
    const saved = await a.api<RelayRouteView>('relay.routes.save', { provider: 'paychant', url: 'http://127.0.0.1:9/hooks', mode: 'passthrough' });
    expect(saved.status).toBe(200);
    b = await startTestConsole({ opened: a.opened! });
    const onB = b;
    const pausedOnB = async () => (await onB.gatewatch.context.relay.routes.list()).find((r) => r.id === saved.body.id)?.paused;

    // A change nobody says (as when it was said while B's channel was down): the store is written directly.
    const route = await b.gatewatch.store.relay.getRoute(saved.body.id);
    await b.gatewatch.store.relay.putRoute({ ...route!, pausedAt: new Date().toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await pausedOnB()).toBe(false);

    // The instances' listening connections are cut, as a database restart cuts them: listening again, B reads it.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const cut = await client.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'gatewatch-listen'",
      );
      expect(cut.rowCount).toBe(2);
    } finally {
      await client.end();
    }
    await expect.poll(pausedOnB, { timeout: 5_000, interval: 50 }).toBe(true);
  });
});
