/** The listener's own refusals make the provider retry too: the delivery says when, and why it cannot be linked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole;
  beforeAll(async () => {
    gw = await startTestConsole({ backend, bodyLimitBytes: 64 });
  });
  afterAll(async () => {
    await gw.close();
  });

  describe('provider retries after a refusal', () => {
    it('expects the retry of a body over the limit, counted as a first try, and says so', async () => {
      const answered = await gw.post(
        '/webhooks/openxswitch',
        JSON.stringify({ requestId: 'r-1', method: 'deposit.success', params: { padding: 'x'.repeat(100) } }),
      );
      expect(answered.status).toBe(413);
      const { id } = (await answered.json()) as { id: string };
      const detail = (await gw.api<DeliveryDetail>('deliveries.get', { id })).body;
      expect(detail.providerRetry).toMatchObject({ state: 'expected', attempt: 2, of: 145, answeredStatus: 413 });
      expect(Date.parse(detail.providerRetry!.nextAt!) - Date.parse(detail.receivedAt)).toBe(5 * 60_000);
      expect(detail.providerRetry!.note).toMatch(/refused this request \(HTTP 413\) and kept no body, so it cannot be linked/);
    });

    it('expects nothing after a 200, and says InstaXchange documents no schedule', async () => {
      const ok = await gw.post('/webhooks/paychant', '{"event":"CREATED"}');
      const okDetail = (await gw.api<DeliveryDetail>('deliveries.get', { id: ((await ok.json()) as { id: string }).id })).body;
      expect(okDetail.providerRetry).toBeNull();
      // Refusals of one kind are recorded at most once a second per sender: the first test's 413 is older than that.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const refused = await gw.post('/webhooks/instaxchange', JSON.stringify({ pad: 'y'.repeat(100) }));
      const refusedDetail = (await gw.api<DeliveryDetail>('deliveries.get', { id: ((await refused.json()) as { id: string }).id })).body;
      expect(refusedDetail.providerRetry).toMatchObject({ state: 'undocumented', nextAt: null, of: null });
    });
  });
});
