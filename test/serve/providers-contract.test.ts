import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { calypsoInvoiceCreated, instapDeposit, instaxchangeCompleted, openxswitchSwap, paychantEvent } from '../providers/fixtures.js';
import { hmacB64, hmacHex, jsTopLevelSorted, md5Hex } from '../providers/helpers.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const secrets = {
    instaxchange: 'ixc-whsec-7f3a9c21d4',
    instap: 'instap-hmac-5e8b2d7c90',
    openxswitch: 'oxs-whsec-1a2b3c4d5e',
    calypso: 'calypso-secret-9d8c7b6a5f',
    paychant: 'paychant-whsec-3c4d5e6f7a',
  };
  const paychantBody = JSON.stringify(paychantEvent);

  /** Each provider's seed sample with the signature header an independent reference signer made. */
  const samples = [
    {
      provider: 'instaxchange',
      body: instaxchangeCompleted,
      headers: { 'X-InstaXWH-KEY': md5Hex(`${jsTopLevelSorted(instaxchangeCompleted)}:${secrets.instaxchange}`) },
      status: 'completed',
      key: 'sess_7d9e2b14c3f8',
    },
    {
      provider: 'instap',
      body: instapDeposit,
      headers: { 'x-payload-hash': hmacB64('sha512', secrets.instap, instapDeposit) },
      status: 'completed',
      key: 'user-4411',
    },
    {
      provider: 'openxswitch',
      body: openxswitchSwap,
      headers: { 'X-Webhook-Signature': hmacHex('sha256', secrets.openxswitch, openxswitchSwap) },
      status: 'completed',
      key: null,
    },
    {
      provider: 'calypso',
      body: calypsoInvoiceCreated,
      headers: { Sign: hmacHex('sha512', secrets.calypso, calypsoInvoiceCreated), Key: 'pub-calypso-1' },
      status: null,
      key: '5b0ca8da-6af4-4a1c-9efd-5cbfc19ace09',
    },
    {
      provider: 'paychant',
      body: paychantBody,
      headers: { 'paychant-signature': hmacHex('sha512', secrets.paychant, paychantBody) },
      status: 'created',
      key: '7CMJS1Q90GS79AA',
    },
  ] as const;

  let gw: TestConsole;
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    for (const [provider, value] of Object.entries(secrets)) {
      const { status } = await gw.api('providers.configure', {
        provider,
        webhookSecrets: [{ label: 'production', value, ...(provider === 'calypso' ? { key: 'pub-calypso-1' } : {}) }],
      });
      expect(status).toBe(200);
    }
  });
  afterAll(() => gw.close());

  describe('each provider through the listener in serve mode', () => {
    it.each(samples)('$provider: verified, normalized and correlated', async (sample) => {
      const response = await gw.post(`/webhooks/${sample.provider}`, sample.body, { 'content-type': 'application/json', ...sample.headers });
      expect(response.status).toBe(200);
      const { id } = (await response.json()) as { id: string };
      await gw.gatewatch.worker.idle();
      const { body: d } = await gw.api<DeliveryDetail>('deliveries.get', { id });
      expect(d.verificationResult.status).toBe('valid');
      expect(d.verificationResult.secretLabel).toBe('production');
      expect(d.verification).toBe('valid');
      expect(d.normalized).not.toBeNull();
      if (sample.status) expect(d.status).toBe(sample.status);
      expect(d.correlationKeys.length).toBeGreaterThan(0);
      if (sample.key) expect(d.correlationKeys.map((k) => k.value)).toContain(sample.key);
      expect(d.eventType).not.toBeNull();
    });

    it('never returns a secret value, only its label and last four characters', async () => {
      const { body } = await gw.api<{ providers: Array<{ webhookSecrets: Array<{ masked: string }> }> }>('providers.get');
      const text = JSON.stringify(body);
      for (const value of Object.values(secrets)) expect(text).not.toContain(value);
      expect(text).toContain('••••6f7a');
    });

    it('re-verifies stored deliveries after the secrets change, and on demand', async () => {
      const body = paychantBody;
      const signature = hmacHex('sha512', 'the-new-paychant-secret', body);
      const { id } = (await (await gw.post('/webhooks/paychant', body, { 'content-type': 'application/json', 'paychant-signature': signature })).json()) as {
        id: string;
      };
      await gw.gatewatch.worker.idle();
      expect((await gw.api<DeliveryDetail>('deliveries.get', { id })).body.verification).toBe('invalid');
      const { body: configured } = await gw.api<{ reverifying: number }>('providers.configure', {
        provider: 'paychant',
        webhookSecrets: [{ label: 'production' }, { label: 'rotated', value: 'the-new-paychant-secret' }],
      });
      expect(configured.reverifying).toBeGreaterThan(0);
      await gw.gatewatch.worker.idle();
      const after = (await gw.api<DeliveryDetail>('deliveries.get', { id })).body;
      expect(after.verification).toBe('valid');
      expect(after.verificationResult.secretLabel).toBe('rotated');
      const again = await gw.api<DeliveryDetail>('deliveries.reverify', { id });
      expect(again.body.verificationResult.status).toBe('valid');
      const audit = await gw.api<{ items: Array<{ action: string; subject: string }> }>('audit.list', { action: 'providers.configure' });
      expect(audit.body.items[0]).toMatchObject({ action: 'providers.configure', subject: 'paychant' });
    });
  });

  describe('providers.configure keeps what it is not asked to change', () => {
    it('refuses a webhook secret without a value instead of dropping it, and re-verifies nothing when the secrets are unchanged', async () => {
      const renamed = await gw.api<{ error: { code: string; message: string } }>('providers.configure', {
        provider: 'instap',
        webhookSecrets: [{ label: 'prod-renamed' }],
      });
      expect(renamed.status).toBe(400);
      expect(renamed.body.error.message).toContain('prod-renamed');
      const { body } = await gw.api<{ provider: { webhookSecrets: Array<{ label: string }> }; reverifying: number }>('providers.configure', {
        provider: 'instap',
        baseUrl: 'https://sandbox.instap.example',
        webhookSecrets: [{ label: 'production' }],
      });
      expect(body.provider.webhookSecrets.map((s) => s.label)).toEqual(['production']);
      expect(body.reverifying).toBe(0);
    });
  });

  describe('URLs with credentials', () => {
    it('are refused for provider base URLs and replay targets', async () => {
      const base = await gw.api<{ error: { issues: Array<{ message: string }> } }>('providers.configure', {
        provider: 'instap',
        baseUrl: 'https://user:hunter2@api.example',
      });
      expect(base.status).toBe(400);
      expect(JSON.stringify(base.body)).not.toContain('hunter2');
      const target = await gw.api('replay.targets.save', { name: 'with-creds', url: 'http://user:hunter2@127.0.0.1:9/hook' });
      expect(target.status).toBe(400);
    });
  });
});
