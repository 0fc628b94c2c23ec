/**
 * Instap signs deposit notifications with the customer's HMAC secret, the one its session
 * requests use (seed 001: "signs the deposit event object with the customer's HMAC secret and
 * sends the signature hash with the x-payload-hash header"). With only that secret configured,
 * a notification must verify, end to end: listener → store → derivation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { instapDeposit } from '../providers/fixtures.js';
import { hmacB64 } from '../providers/helpers.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const productionHmac = 'instap-hmac-prod-5e8b2d7c90';
  const sandboxHmac = 'instap-hmac-sandbox-1f2e3d4c';

  let gw: TestConsole;
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
  });
  afterAll(() => gw.close());

  /** Posts the seed-shaped deposit notification, signed as the seed's session requests are (base64 HMAC-SHA512 of the exact body). */
  async function deliver(secret: string): Promise<string> {
    const response = await gw.post('/webhooks/instap', instapDeposit, {
      'content-type': 'application/json',
      'x-payload-hash': hmacB64('sha512', secret, instapDeposit),
    });
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    await gw.gatewatch.worker.idle();
    return id;
  }

  const detail = async (id: string) => (await gw.api<DeliveryDetail>('deliveries.get', { id })).body;

  describe('Instap notifications and the configured HMAC secret', () => {
    it('with no secret at all the delivery says no-secret; setting the HMAC secret verifies it again, valid, naming that secret', async () => {
      const id = await deliver(productionHmac);
      expect((await detail(id)).verification).toBe('no-secret');

      const configured = await gw.api<{ reverifying: number }>('providers.configure', {
        provider: 'instap',
        environment: 'production',
        hmacSecret: productionHmac,
      });
      expect(configured.status).toBe(200);
      expect(configured.body.reverifying).toBeGreaterThan(0);
      await gw.gatewatch.worker.idle();

      const after = await detail(id);
      expect(after.verification).toBe('valid');
      expect(after.verificationResult).toMatchObject({ status: 'valid', secretLabel: 'hmac secret (production)', matched: 'raw bytes (HMAC-SHA512, base64)' });
      expect(after.status).toBe('completed');
      expect(JSON.stringify(after)).not.toContain(productionHmac);
    });

    it("tries every environment's HMAC secret, and says which one matched", async () => {
      await gw.api('providers.configure', { provider: 'instap', environment: 'sandbox', hmacSecret: sandboxHmac });
      const result = (await detail(await deliver(sandboxHmac))).verificationResult;
      expect(result.status).toBe('valid');
      expect(result.secretLabel).toBe('hmac secret (sandbox)');
      expect(result.diagnosis).toContain("the 'hmac secret (sandbox)' secret matches");
    });

    it('still tries separately entered webhook secrets first', async () => {
      await gw.api('providers.configure', { provider: 'instap', webhookSecrets: [{ label: 'notifications', value: 'instap-separate-whsec-77' }] });
      const result = (await detail(await deliver('instap-separate-whsec-77'))).verificationResult;
      expect(result).toMatchObject({ status: 'valid', secretLabel: 'notifications' });
      expect((await detail(await deliver(productionHmac))).verificationResult.secretLabel).toBe('hmac secret (production)');
    });

    it('removing the HMAC secret verifies again without it', async () => {
      const id = await deliver(productionHmac);
      const removed = await gw.api<{ reverifying: number }>('providers.configure', { provider: 'instap', environment: 'production', hmacSecret: null });
      expect(removed.body.reverifying).toBeGreaterThan(0);
      await gw.gatewatch.worker.idle();
      expect((await detail(id)).verification).toBe('invalid');
    });

    it("does not try other providers' HMAC secrets as webhook secrets", async () => {
      await gw.api('providers.configure', { provider: 'calypso', environment: 'production', hmacSecret: 'calypso-api-secret-0a1b2c' });
      expect(await gw.gatewatch.context.providerConfig.webhookSecrets('calypso')).toEqual([]);
    });
  });
});
