import { describe, expect, it } from 'vitest';
import { calypsoInvoiceCreated, instapDeposit, instaxchangeCompleted, openxswitchSwap, paychantEvent } from '../providers/fixtures.js';
import { hmacHex } from '../providers/helpers.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { providerIds, type ProviderId } from '../../src-shared/domain/provider.js';
import { consoleWithStaging, postDelivery, replay, saveTarget, type ApiErrorReply } from './helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  /** Each provider's sample, posted with a stale signature header in a different case than the recipe writes. */
  const samples: Record<ProviderId, { body: string; staleHeader: string }> = {
    instaxchange: { body: instaxchangeCompleted, staleHeader: 'x-instaxwh-key' },
    instap: { body: instapDeposit, staleHeader: 'X-Payload-Hash' },
    openxswitch: { body: openxswitchSwap, staleHeader: 'x-webhook-signature' },
    calypso: { body: calypsoInvoiceCreated, staleHeader: 'sign' },
    paychant: { body: JSON.stringify(paychantEvent), staleHeader: 'Paychant-Signature' },
  };
  const secretFor = (provider: string) => `staging-${provider}-secret-42`;

  const env = consoleWithStaging(backend);

  describe('resign: true signs what is sent with the target secret, using the adapter that verifies', () => {
    it.each(providerIds.map((p) => [p]))('%s: the signature the staging server receives verifies with the target secret', async (provider) => {
      const { body, staleHeader } = samples[provider];
      const t = await saveTarget(env.gw, {
        name: `${provider} staging`,
        url: env.staging.url(`/ok?p=${provider}`),
        provider,
        signingSecret: secretFor(provider),
      });
      const id = await postDelivery(env.gw, provider, body, { [staleHeader]: 'stale-signature-from-production' });
      const before = env.staging.requests.length;
      const attempt = await replay(env.gw, { deliveryId: id, targetId: t.id, resign: true });
      expect(attempt).toMatchObject({ resigned: true, outcome: 'ok' });

      const received = env.staging.requests[before]!;
      expect(received.body.toString('utf8')).toBe(body);
      // The stale header is replaced, whatever its case: exactly one signature header arrives.
      const signatureNames = received.rawHeaders.filter(([n]) => n.toLowerCase() === staleHeader.toLowerCase());
      expect(signatureNames).toHaveLength(1);
      expect(signatureNames[0]![1]).not.toBe('stale-signature-from-production');

      const adapter = providerAdapters[provider];
      const withTargetSecret = adapter.verify({ headers: received.rawHeaders, body: received.body }, [{ label: 'staging', value: secretFor(provider) }]);
      expect(withTargetSecret.status).toBe('valid');
      const withOtherSecret = adapter.verify({ headers: received.rawHeaders, body: received.body }, [{ label: 'other', value: 'not-the-target-secret' }]);
      expect(withOtherSecret.status).toBe('invalid');
    });

    it('paychant: an independent HMAC-SHA512 hex over the received bytes matches paychant-signature', async () => {
      const t = await saveTarget(env.gw, { name: 'paychant independent', url: env.staging.url('/ok'), signingSecret: 'pc-independent-secret' });
      const body = '{"event":"PAYMENT_COMPLETED","data":{"pid":"pid-9","fiatAmount":170.00}}';
      const id = await postDelivery(env.gw, 'paychant', body);
      const before = env.staging.requests.length;
      await replay(env.gw, { deliveryId: id, targetId: t.id, resign: true });
      const received = env.staging.requests[before]!;
      expect(received.header('paychant-signature')).toBe(hmacHex('sha512', 'pc-independent-secret', received.body));
    });

    it('calypso: an independent HMAC-SHA512 hex over an edited body matches Sign, and the Key header is kept', async () => {
      const t = await saveTarget(env.gw, { name: 'calypso independent', url: env.staging.url('/ok'), signingSecret: 'cal-independent-secret' });
      const id = await postDelivery(env.gw, 'calypso', calypsoInvoiceCreated, { Key: 'pub-calypso-1', Sign: 'stale' });
      const edited = calypsoInvoiceCreated.replace('"amount":0.01', '"amount":0.02');
      const before = env.staging.requests.length;
      const attempt = await replay(env.gw, { deliveryId: id, targetId: t.id, resign: true, body: edited });
      const received = env.staging.requests[before]!;
      expect(received.body.toString('utf8')).toBe(edited);
      expect(received.header('Sign')).toBe(hmacHex('sha512', 'cal-independent-secret', edited));
      expect(received.header('Key')).toBe('pub-calypso-1');
      expect(attempt.sentHeaders).toContainEqual(['Sign', hmacHex('sha512', 'cal-independent-secret', edited)]);
    });

    it("calypso: a target with its own subscription key sends that Key with its signature, not production's", async () => {
      const t = await saveTarget(env.gw, {
        name: 'calypso staging key',
        url: env.staging.url('/ok'),
        provider: 'calypso',
        signingSecret: 'cal-staging-secret',
        signingKey: 'pub-staging-9',
      });
      expect(t).toMatchObject({ signingKey: 'pub-staging-9', hasSigningSecret: true });
      const id = await postDelivery(env.gw, 'calypso', calypsoInvoiceCreated, { Key: 'pub-production-1', Sign: 'stale' });
      const before = env.staging.requests.length;
      await replay(env.gw, { deliveryId: id, targetId: t.id, resign: true });
      const received = env.staging.requests[before]!;
      expect(received.header('Key')).toBe('pub-staging-9');
      expect(received.header('Sign')).toBe(hmacHex('sha512', 'cal-staging-secret', received.body));
      // Changing only the key keeps the secret.
      const again = await env.gw.api<{ signingKey: string; hasSigningSecret: boolean }>('replay.targets.save', {
        id: t.id,
        name: t.name,
        url: t.url,
        signingKey: 'pub-staging-10',
      });
      expect(again.body).toMatchObject({ signingKey: 'pub-staging-10', hasSigningSecret: true });
    });

    it('refuses to re-sign without a target secret, sending nothing', async () => {
      const t = await saveTarget(env.gw, { name: 'unsigned staging', url: env.staging.url('/ok') });
      const id = await postDelivery(env.gw, 'paychant', JSON.stringify(paychantEvent));
      const before = env.staging.requests.length;
      const reply = await env.gw.api<ApiErrorReply>('replay.send', { deliveryId: id, targetId: t.id, resign: true, confirm: true });
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toMatch(/has no signing secret, so the webhook cannot be re-signed/);
      expect(env.staging.requests.length).toBe(before);
    });

    it('refuses to re-sign a delivery from an unknown provider', async () => {
      const t = await saveTarget(env.gw, { name: 'any staging', url: env.staging.url('/ok'), signingSecret: 'whatever-secret' });
      const response = await env.gw.post('/webhooks/nobody', '{"a":1}');
      const { id } = (await response.json()) as { id: string };
      // The listener keeps no body for an unknown path, so an edited body is what would be re-signed.
      const reply = await env.gw.api<ApiErrorReply>('replay.send', { deliveryId: id, targetId: t.id, resign: true, confirm: true, body: '{"a":1}' });
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toMatch(/unknown provider/);
    });
  });
});
