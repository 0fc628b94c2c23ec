/**
 * Issue 13.8: InstaXchange's `webhookId` names the dashboard webhook ("testfailedwebhook" in
 * seed 000), and the seed masks `transactionId` ("*****"). Two different payments sent through
 * the same webhook must never be linked as duplicates; a retry of one event still is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instaxchangeAdapter } from '../../src-main/providers/instaxchange/index.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { delivery } from './helpers.js';
import { instaxchangeFailed } from './fixtures.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  // A second failed payment through the same dashboard webhook: another card, session, amount and time.
  const otherFailure = instaxchangeFailed
    .replace('"amountInFiat": 5,', '"amountInFiat": 12.5,')
    .replace('"amountInCrypto": 4.78,', '"amountInCrypto": 11.96,')
    .replace('"sessionId": "sess_19ab44e0"', '"sessionId": "sess_5c02d9f7"')
    .replace('"createdAt": "2024-05-24T06:48:39.279Z"', '"createdAt": "2024-05-24T07:02:11.840Z"')
    .replace('"Details": "5 USD => 4.78 USDT-AVALANCHE"', '"Details": "12.5 USD => 11.96 USDT-AVALANCHE"')
    .replace('"createdAt": "2024-05-24T06:53:29.503Z"', '"createdAt": "2024-05-24T07:06:40.118Z"');

  const eventId = (body: string) => instaxchangeAdapter.parse(delivery(body)).eventId;

  describe('InstaXchange event id when transactionId is masked', () => {
    it('gives two different events through the same webhook different ids', () => {
      expect(otherFailure).not.toBe(instaxchangeFailed);
      expect(eventId(otherFailure)).not.toBeNull();
      expect(eventId(otherFailure)).not.toBe(eventId(instaxchangeFailed));
    });

    it('gives a retry of the same event, re-printed compactly, the same id', () => {
      expect(eventId(JSON.stringify(JSON.parse(instaxchangeFailed)))).toBe(eventId(instaxchangeFailed));
    });

    it('does not use webhookId alone, which every event of that webhook shares', () => {
      expect(eventId(instaxchangeFailed)).not.toBe('testfailedwebhook');
    });
  });

  describe('InstaXchange duplicates through the listener', () => {
    let gw: TestConsole;
    beforeAll(async () => {
      gw = await startTestConsole({ backend });
    });
    afterAll(async () => {
      await gw?.close();
    });

    const post = async (body: string) => ((await (await gw.post('/webhooks/instaxchange', body)).json()) as { id: string }).id;
    const get = async (id: string) => (await gw.api<DeliveryDetail>('deliveries.get', { id })).body;

    it('links a retry to the first delivery, and never the other payment', async () => {
      const first = await post(instaxchangeFailed);
      const other = await post(otherFailure);
      const retry = await post(JSON.stringify(JSON.parse(instaxchangeFailed)));
      await gw.gatewatch.worker.idle();
      expect((await get(other)).duplicateOf).toBeNull();
      expect((await get(retry)).duplicateOf).toBe(first);
      expect((await get(first)).duplicates).toEqual([retry]);
    });
  });
});
