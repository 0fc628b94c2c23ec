/**
 * Issue 13.9: the inbox filters by environment (Paychant's `data.env`: production | sandbox).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import type { DeliveriesListOutput } from '../../src-shared/contract/deliveries.js';
import { paychantEvent } from './fixtures.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole;
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
  });
  afterAll(async () => {
    await gw?.close();
  });

  const event = (env: string, pid: string) => JSON.stringify({ ...paychantEvent, data: { ...paychantEvent.data, env, pid } });
  const post = async (body: string) => ((await (await gw.post('/webhooks/paychant', body)).json()) as { id: string }).id;
  const list = async (input: Record<string, unknown>) => (await gw.api<DeliveriesListOutput>('deliveries.list', input)).body;

  describe('inbox environment filter', () => {
    it('lists sandbox or production deliveries only, alone or with other filters and text', async () => {
      const sandbox = await post(event('sandbox', '1000000001'));
      const production = await post(event('production', '1000000002'));
      const other = await post(JSON.stringify({ requestId: 'r1', method: 'deposit.success', params: { id: 'd1' } }));
      await gw.gatewatch.worker.idle();
      expect(other).toBeTruthy();
      expect((await list({ environment: 'sandbox' })).items.map((i) => i.id)).toEqual([sandbox]);
      expect((await list({ environment: 'production' })).items.map((i) => i.id)).toEqual([production]);
      expect((await list({ environment: 'production', provider: 'paychant', status: 'created' })).items.map((i) => i.id)).toEqual([production]);
      expect((await list({ environment: 'sandbox', q: '1000000001' })).items.map((i) => i.id)).toEqual([sandbox]);
      expect((await list({ environment: 'sandbox', q: '1000000002' })).items).toEqual([]);
      expect((await list({})).total).toBe(3);
    });

    it('refuses an environment it does not know, in words', async () => {
      const { status, body } = await gw.api<{ error: { issues: Array<{ path: string }> } }>('deliveries.list', { environment: 'staging' });
      expect(status).toBe(400);
      expect(body.error.issues[0]!.path).toBe('environment');
    });
  });
});
