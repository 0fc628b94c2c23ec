import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { hmacHex } from '../providers/helpers.js';
import type { DeliveriesListOutput } from '../../src-shared/contract/deliveries.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  // The inbox's "valid (sandbox secret)" badge reads which secret matched from the list itself.
  describe('the secret that verified a delivery, in the inbox list', () => {
    let gw: TestConsole;
    const ids: Record<string, string> = {};
    const post = async (name: string, secret: string) => {
      const body = JSON.stringify({ event: 'PAYMENT_COMPLETED', data: { env: 'sandbox', pid: `label-${name}`, fiat: 'NGN', fiatAmount: 5000 } });
      const answer = await gw.post('/webhooks/paychant', body, { 'content-type': 'application/json', 'paychant-signature': hmacHex('sha512', secret, body) });
      ids[name] = ((await answer.json()) as { id: string }).id;
    };
    beforeAll(async () => {
      gw = await startTestConsole({ backend });
      await gw.api('providers.configure', {
        provider: 'paychant',
        webhookSecrets: [
          { label: 'production', value: 'paychant-live-secret-1' },
          { label: 'sandbox', value: 'paychant-test-secret-2' },
        ],
      });
      await post('live', 'paychant-live-secret-1');
      await post('test', 'paychant-test-secret-2');
      await post('forged', 'someone-else');
      await gw.gatewatch.worker.idle();
    });
    afterAll(() => gw.close());

    it('lists the matched secret label beside the verification, by filters and by search', async () => {
      // Through the filter path and the full-text path of the list query.
      for (const input of [{}, { q: 'PAYMENT_COMPLETED' }]) {
        const { body } = await gw.api<DeliveriesListOutput>('deliveries.list', input);
        const byId = Object.fromEntries(body.items.map((d) => [d.id, [d.verification, d.secretLabel]]));
        expect(byId).toEqual({ [ids.live!]: ['valid', 'production'], [ids.test!]: ['valid', 'sandbox'], [ids.forged!]: ['invalid', null] });
      }
      const { body } = await gw.api<DeliveryDetail>('deliveries.get', { id: ids.test });
      expect(body.secretLabel).toBe('sandbox');
    });
  });
});
