import { afterEach, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import type { RetentionStatus } from '../../src-shared/contract/retention.js';
import { newId } from '../../src-main/store/ids.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole | null = null;
  afterEach(async () => {
    await gw?.close();
    gw = null;
  });

  const DAY = 24 * 3600 * 1000;

  /** Stores a delivery as if the listener had received it `daysAgo` days ago. */
  async function receivedDaysAgo(console: TestConsole, daysAgo: number, pid: string): Promise<string> {
    const body = Buffer.from(JSON.stringify({ event: 'PAYMENT_COMPLETED', data: { pid } }));
    const id = newId('dlv', Date.now() - daysAgo * DAY);
    await console.gatewatch.store.deliveries.insertBatch([
      {
        id,
        provider: 'paychant',
        label: null,
        receivedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        method: 'POST',
        path: '/webhooks/paychant',
        query: '',
        headers: [['Content-Type', 'application/json']],
        body,
        size: body.byteLength,
        bodySha256: null,
        remoteAddress: '127.0.0.1',
        forwarded: null,
        rejected: null,
      },
    ]);
    return id;
  }

  async function settled(console: TestConsole): Promise<RetentionStatus> {
    for (;;) {
      const status = (await console.api<RetentionStatus>('retention.get')).body;
      if (!status.running && status.lastRun) return status;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  describe('retention', () => {
    it('is off by default and deletes nothing', async () => {
      gw = await startTestConsole({ backend });
      await receivedDaysAgo(gw, 400, 'ancient');
      const status = (await gw.api<RetentionStatus>('retention.get')).body;
      expect(status).toMatchObject({ enabled: false, days: null, lastRun: null });
      expect((await gw.gatewatch.store.deliveries.counts()).total).toBe(1);
    });

    it('refuses to turn on or prune without confirmation', async () => {
      gw = await startTestConsole({ backend });
      const enable = await gw.api<{ error: { code: string } }>('retention.configure', { enabled: true, days: 30 });
      expect(enable.status).toBe(400);
      const prune = await gw.api<{ error: { code: string } }>('retention.pruneNow', { days: 30 });
      expect(prune.status).toBe(400);
      expect((await gw.api<RetentionStatus>('retention.get')).body.enabled).toBe(false);
    });

    it('when turned on, deletes deliveries older than N days with their keys and search rows, and keeps the rest', async () => {
      gw = await startTestConsole({ backend });
      const old = [await receivedDaysAgo(gw, 45, 'old-pay-1'), await receivedDaysAgo(gw, 31, 'old-pay-2')];
      const kept = await receivedDaysAgo(gw, 29, 'recent-pay-1');
      const live = ((await (await gw.post('/webhooks/paychant', '{"event":"PAYMENT_COMPLETED","data":{"pid":"live-1"}}')).json()) as { id: string }).id;
      await gw.gatewatch.worker.idle();
      const preview = (await gw.api<{ count: number }>('retention.preview', { days: 30 })).body;
      expect(preview.count).toBe(2);

      const on = await gw.api<RetentionStatus>('retention.configure', { enabled: true, days: 30, confirmed: true });
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({ enabled: true, days: 30 });
      expect((await settled(gw)).lastRun!.deleted).toBe(2);

      for (const id of old) expect((await gw.api('deliveries.get', { id })).status).toBe(404);
      for (const id of [kept, live]) expect((await gw.api('deliveries.get', { id })).status).toBe(200);
      const search = (await gw.api<{ total: number }>('deliveries.list', { q: 'old-pay-1' })).body;
      expect(search.total).toBe(0);
      const found = (await gw.api<{ total: number }>('deliveries.list', { q: 'recent-pay-1' })).body;
      expect(found.total).toBe(1);

      const again = await gw.api<{ deleted: number }>('retention.pruneNow', { days: 30, confirmed: true });
      expect(again.body.deleted).toBe(0);
      await gw.api('retention.configure', { enabled: false, days: 30 });
      expect((await gw.api<RetentionStatus>('retention.get')).body.enabled).toBe(false);
    });
  });
});
