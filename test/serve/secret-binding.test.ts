/**
 * A secret whose stored ciphertext was swapped with another row's: the console keeps running,
 * says which secret cannot be read and that it must be entered again, and entering it fixes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { paychantEvent } from '../providers/fixtures.js';
import { hmacHex } from '../providers/helpers.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { ProviderConfigView } from '../../src-shared/contract/providers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const paychantSecret = 'paychant-whsec-3c4d5e6f7a';
  const instapApiKey = 'instap-api-key-0a1b2c3d4e';
  const body = JSON.stringify(paychantEvent);

  let gw: TestConsole;
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    expect((await gw.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: paychantSecret }] })).status).toBe(200);
    expect((await gw.api('providers.configure', { provider: 'instap', environment: 'production', apiKey: instapApiKey })).status).toBe(200);
    // What a bad restore, a bug or someone with write access to the file could do: swap two rows' ciphertexts.
    const secrets = gw.gatewatch.store.secrets;
    const [webhook] = await secrets.list('provider:paychant', 'webhookSecret');
    const [apiKey] = await secrets.list('provider:instap', 'apiKey');
    await secrets.put({ ...webhook!, ciphertext: apiKey!.ciphertext });
    await secrets.put({ ...apiKey!, ciphertext: webhook!.ciphertext });
  });
  afterAll(() => gw.close());

  const providers = async () => (await gw.api<{ providers: ProviderConfigView[] }>('providers.get')).body.providers;

  describe('a secret moved into another row', () => {
    it('is shown as unreadable in settings, not as a working secret', async () => {
      const all = await providers();
      expect(all.find((p) => p.provider === 'paychant')!.webhookSecrets[0]).toMatchObject({ label: 'production', unreadable: true });
      const instapProduction = all.find((p) => p.provider === 'instap')!.environments.find((e) => e.environment === 'production')!;
      expect(instapProduction.apiKey).toMatchObject({ unreadable: true });
    });

    it('does not verify a delivery with it: the delivery is kept and its check says which secret to enter again', async () => {
      const response = await gw.post('/webhooks/paychant', body, {
        'content-type': 'application/json',
        'paychant-signature': hmacHex('sha512', paychantSecret, body),
      });
      expect(response.status).toBe(200);
      const { id } = (await response.json()) as { id: string };
      await gw.gatewatch.worker.idle();
      const { body: delivery } = await gw.api<DeliveryDetail>('deliveries.get', { id });
      expect(delivery.verification).not.toBe('valid');
      expect(delivery.verificationResult.diagnosis).toMatch(/The webhook secret 'production' of paychant cannot be read .*Enter it again in Settings/);
      expect(delivery.normalized).not.toBeNull();
    });

    it('fails a session preview with the reason in words (409), not "failed unexpectedly"', async () => {
      const { status, body: answer } = await gw.api<{ error: { code: string; message: string } }>('sessions.preview', {
        provider: 'instap',
        environment: 'production',
        payload: { userId: 'user-1', userName: 'Zoë', blockChainCurrency: 'BTC' },
      });
      expect(status).toBe(409);
      expect(answer.error.message).toMatch(/^The API key 'production' of instap cannot be read \(.*another entry.*\)\. Enter it again in Settings\.$/);
      expect(JSON.stringify(answer)).not.toContain(paychantSecret);
    });

    it('must be typed again: keeping it by label is refused in words, a new value fixes it', async () => {
      const kept = await gw.api<{ error: { message: string } }>('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production' }] });
      expect(kept.status).toBe(400);
      expect(kept.body.error.message).toMatch(/webhook secret 'production' of paychant cannot be read/);
      const typed = await gw.api<{ reverifying: number }>('providers.configure', {
        provider: 'paychant',
        webhookSecrets: [{ label: 'production', value: paychantSecret }],
      });
      expect(typed.status).toBe(200);
      expect(typed.body.reverifying).toBeGreaterThan(0);
      await gw.gatewatch.worker.idle();
      const { body: list } = await gw.api<{ items: Array<{ id: string; verification: string }> }>('deliveries.list', { provider: 'paychant' });
      expect(list.items.map((d) => d.verification)).toEqual(['valid']);
      expect((await providers()).find((p) => p.provider === 'paychant')!.webhookSecrets[0]).not.toHaveProperty('unreadable');
    });
  });
});
