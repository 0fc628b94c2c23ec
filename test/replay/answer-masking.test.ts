import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../fakes/fake-http.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { postDelivery, replay, saveTarget } from './helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const signing = 'tgt/staging-secret-51Kq';
  const cap = 256 * 1024;
  let gw: TestConsole;
  let staging: FakeServer;

  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    // The secret starts five bytes before the replay's answer cap and ends after it.
    staging = await startFakeServer(() => ({ status: 400, body: `${'a'.repeat(cap - 5)}${signing}${'b'.repeat(2000)}` }));
  });
  afterAll(async () => {
    await staging?.close();
    await gw?.close();
  });

  describe("a staging answer that echoes the target's secret across the cut", () => {
    it('is kept up to the cap with the echo masked whole, not half shown, even when not re-signing', async () => {
      const target = await saveTarget(gw, { name: 'echoing staging', url: `${staging.baseUrl}/hook`, provider: 'paychant', signingSecret: signing });
      const id = await postDelivery(gw, 'paychant', '{"event":"PAYMENT_COMPLETED"}');
      const attempt = await replay(gw, { deliveryId: id, targetId: target.id, resign: false, body: `{"event":"PAYMENT_COMPLETED","echo":"${signing}"}` });
      expect(attempt.response).toMatchObject({ status: 400, bodyTruncated: true, size: cap });
      expect(attempt.response!.body).toBe(`${'a'.repeat(cap - 5)}••••51Kq`);
      // The edited body is stored too: the secret typed into it is masked there as well.
      expect(attempt.sentBody).toBe('{"event":"PAYMENT_COMPLETED","echo":"••••51Kq"}');
      expect(JSON.stringify(attempt)).not.toContain('tgt/s');
    });
  });
});
