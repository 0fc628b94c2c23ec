import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startInstaxchangeFake } from '../fakes/instaxchange-fake.js';
import type { FakeServer } from '../fakes/fake-http.js';
import { expectNoSecret, useLocalProvider } from './helpers.js';
import { createSessionTimelineSource } from '../../src-main/sessions/timeline-source.js';
import type { Session, TxLookup } from '../../src-shared/sessions/domain.js';
import type { SessionDetail } from '../../src-shared/contract/sessions.js';
import type { SessionSettings } from '../../src-shared/sessions/settings.js';
import { instaxchangeCompleted } from '../providers/fixtures.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const apiKey = 'ixc-api-key-61d0b7e3';
  const hash = '8e3b1f0c9a7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f';

  let gw: TestConsole;
  let fake: FakeServer & { states: Map<string, string> };

  async function saveSettings(patch: (s: SessionSettings) => SessionSettings) {
    const current = await gw.api<SessionSettings>('sessions.settings.get');
    const saved = await gw.api<SessionSettings>('sessions.settings.save', patch(current.body));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body;
  }

  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    fake = await startInstaxchangeFake({ apiKey, auth: 'x-api-key', idField: 'id', hashes: { wd_77e1b3c9: hash } });
    await useLocalProvider(gw, 'instaxchange', { baseUrl: fake.baseUrl, apiKey });
  });
  afterAll(async () => {
    await fake?.close();
    await gw?.close();
  });

  const sending = {
    amountDirection: 'sending',
    fromAmount: '100.00',
    fromCurrency: 'EUR',
    toCurrency: 'USDT-TRON',
    webhookRef: 'order-10042',
    address: 'TXyz123',
  };

  describe('InstaXchange sessions', () => {
    it('applies the amountDirection rules and the currency lists from Settings, per field', async () => {
      const { status, body } = await gw.api<{ error: { issues: Array<{ path: string }> } }>('sessions.preview', {
        provider: 'instaxchange',
        payload: { ...sending, fromAmount: undefined, toAmount: '5' },
      });
      expect(status).toBe(400);
      expect(body.error.issues.map((i) => i.path).sort()).toEqual(['payload.fromAmount', 'payload.toAmount']);
      const currency = await gw.api<{ error: { issues: Array<{ path: string }> } }>('sessions.preview', {
        provider: 'instaxchange',
        payload: { ...sending, toCurrency: 'DOGE' },
      });
      expect(currency.body.error.issues.map((i) => i.path)).toEqual(['payload.toCurrency']);
      await saveSettings((s) => ({ ...s, instaxchange: { ...s.instaxchange, toCurrencies: [...s.instaxchange.toCurrencies, 'DOGE'] } }));
      const accepted = await gw.api('sessions.preview', { provider: 'instaxchange', payload: { ...sending, toCurrency: 'DOGE' } });
      expect(accepted.status).toBe(200);
    });

    it('takes fromAmount/toAmount as JSON numbers (seed 000 documents them as number) and sends them as numbers', async () => {
      await saveSettings((s) => ({ ...s, instaxchange: { ...s.instaxchange, creationAuth: 'x-api-key' } }));
      const { status, body: session } = await gw.api<Session>('sessions.create', {
        provider: 'instaxchange',
        payload: { amountDirection: 'sending', fromAmount: 3.74, fromCurrency: 'EUR', toCurrency: 'USDT' },
      });
      expect(status, JSON.stringify(session)).toBe(200);
      expect(session.outcome).toBe('created');
      expect(fake.requests.at(-1)!.body.toString()).toBe('{"amountDirection":"sending","fromAmount":3.74,"fromCurrency":"EUR","toCurrency":"USDT"}');
      const receiving = await gw.api<Session>('sessions.create', {
        provider: 'instaxchange',
        payload: { amountDirection: 'receiving', toAmount: 10, fromCurrency: 'EUR', toCurrency: 'USDT' },
      });
      expect(receiving.body.outcome).toBe('created');
      expect(fake.requests.at(-1)!.body.toString()).toContain('"toAmount":10');
    });

    it('sends with the auth mode from Settings, reads the id from `id`, and builds the payment link from the template', async () => {
      await saveSettings((s) => ({ ...s, instaxchange: { ...s.instaxchange, creationAuth: 'none' } }));
      const refused = await gw.api<Session>('sessions.create', { provider: 'instaxchange', payload: sending });
      expect(refused.body.outcome).toBe('failed');
      expect(refused.body.error).toContain('HTTP 401');
      expect(refused.body.assumptions[0]).toContain('Creation auth: none');

      await saveSettings((s) => ({ ...s, instaxchange: { ...s.instaxchange, creationAuth: 'x-api-key', paymentLinkTemplate: '/order/{id}' } }));
      const { body: session } = await gw.api<Session>('sessions.create', { provider: 'instaxchange', payload: sending });
      expect(session.outcome).toBe('created');
      expect(session.providerSessionId).toMatch(/^ixs_/);
      expect(session.links).toEqual([{ label: 'Payment page', url: `${fake.baseUrl}/order/${session.providerSessionId}` }]);
      expect(session.correlationKeys).toEqual([
        { kind: 'sessionId', value: session.providerSessionId },
        { kind: 'reference', value: 'order-10042' },
      ]);
      // Fields go out in the order they were given (here: the `sending` object's).
      expect(fake.requests.at(-1)!.body.toString()).toBe(
        '{"amountDirection":"sending","fromAmount":100.00,"fromCurrency":"EUR","toCurrency":"USDT-TRON","webhookRef":"order-10042","address":"TXyz123"}',
      );
      expectNoSecret(session, [apiKey]);

      fake.states.set(session.providerSessionId!, 'completed');
      const refreshed = await gw.api<SessionDetail>('sessions.refresh', { id: session.id });
      expect(refreshed.body).toMatchObject({ providerState: 'completed', status: 'completed' });
    });

    it('refreshes the status without an empty x-api-key when no API key is set', async () => {
      // Most integrations send no auth at all (providers.md): an InstaXchange that asks for none.
      const open = await startInstaxchangeFake({ apiKey, auth: 'none', idField: 'sessionId', hashes: {} });
      await saveSettings((s) => ({ ...s, instaxchange: { ...s.instaxchange, creationAuth: 'none' } }));
      await useLocalProvider(gw, 'instaxchange', { baseUrl: open.baseUrl, apiKey: null });
      try {
        const { body: session } = await gw.api<Session>('sessions.create', { provider: 'instaxchange', payload: sending, allowDuplicate: true });
        expect(session.outcome).toBe('created');
        await gw.api<SessionDetail>('sessions.refresh', { id: session.id });
        const statusCall = open.requests.at(-1)!;
        expect(statusCall.path).toMatch(/\/status$/);
        expect(statusCall.headers).not.toHaveProperty('x-api-key');
      } finally {
        await open.close();
        await useLocalProvider(gw, 'instaxchange', { baseUrl: fake.baseUrl, apiKey });
      }
    });

    it('sends the key under the header named in the provider settings', async () => {
      await gw.api('providers.configure', { provider: 'instaxchange', apiKeyHeader: 'X-Merchant-Key' });
      try {
        await saveSettings((s) => ({ ...s, instaxchange: { ...s.instaxchange, creationAuth: 'x-api-key' } }));
        const sent = await gw.api<Session>('sessions.create', { provider: 'instaxchange', payload: sending, allowDuplicate: true });
        expect(sent.status).toBe(200);
        const received = fake.requests.at(-1)!;
        expect(received.headers['x-merchant-key']).toBe(apiKey);
        expect(received.headers['x-api-key']).toBeUndefined();
      } finally {
        await gw.api('providers.configure', { provider: 'instaxchange', apiKeyHeader: null });
      }
    });

    it('looks up the withdraw tx hash of a webhook, with the explorer link, and puts it on the timeline', async () => {
      const response = await gw.post('/webhooks/instaxchange', instaxchangeCompleted);
      const { id: deliveryId } = (await response.json()) as { id: string };
      await gw.gatewatch.worker.idle();

      const unset = await gw.api<{ error: { message: string } }>('sessions.lookupWithdrawTx', { deliveryId });
      expect(unset.status).toBe(400);
      expect(unset.body.error.message).toContain('lookup path');

      await saveSettings((s) => ({ ...s, instaxchange: { ...s.instaxchange, txLookupPathTemplate: '/api/withdraw/{withdrawTxId}/hash' } }));
      const { status, body: lookup } = await gw.api<TxLookup>('sessions.lookupWithdrawTx', { deliveryId });
      expect(status).toBe(200);
      expect(lookup).toMatchObject({ ok: true, withdrawTxId: 'wd_77e1b3c9', currency: 'LTC', hash, deliveryId });
      expect(lookup.explorerUrl).toBe(`https://blockchair.com/litecoin/transaction/${hash}`);
      expect(lookup.request!.url).toBe(`${fake.baseUrl}/api/withdraw/wd_77e1b3c9/hash`);
      expectNoSecret(lookup, [apiKey]);

      const listed = await gw.api<{ items: TxLookup[] }>('sessions.txLookups', { deliveryId });
      expect(listed.body.items.map((l) => l.id)).toEqual([lookup.id]);
      const steps = await createSessionTimelineSource(gw.gatewatch.store.sessions).stepsFor({ keys: ['wd_77e1b3c9'], deliveryIds: [] });
      expect(steps).toEqual([expect.objectContaining({ kind: 'tx_lookup', id: lookup.id, outcome: 'ok', deliveryId, link: lookup.explorerUrl })]);
      // Through the timeline call too, where the link is what the page turns into a button.
      const timeline = await gw.api<{ steps: Array<{ kind: string; link?: string | null }> }>('timeline.get', { key: 'wd_77e1b3c9' });
      expect(timeline.body.steps.find((step) => step.kind === 'tx_lookup')?.link).toBe(lookup.explorerUrl);

      const unknown = await gw.api<TxLookup>('sessions.lookupWithdrawTx', { withdrawTxId: 'wd_unknown' });
      expect(unknown.body).toMatchObject({ ok: false, hash: null });
      expect(unknown.body.error).toContain('HTTP 404');
    });

    it('rejects a settings change that breaks a template, per field', async () => {
      const current = await gw.api<SessionSettings>('sessions.settings.get');
      const { status, body } = await gw.api<{ error: { issues: Array<{ path: string }> } }>('sessions.settings.save', {
        ...current.body,
        instaxchange: { ...current.body.instaxchange, paymentLinkTemplate: '/embed/', explorerLinks: { BTC: 'https://x/tx/' } },
      });
      expect(status).toBe(400);
      expect(body.error.issues.map((i) => i.path).sort()).toEqual(['instaxchange.explorerLinks.BTC', 'instaxchange.paymentLinkTemplate']);
    });
  });
});
