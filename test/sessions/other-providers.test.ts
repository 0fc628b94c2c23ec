import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startCalypsoFake } from '../fakes/calypso-fake.js';
import { startOpenxswitchFake } from '../fakes/openxswitch-fake.js';
import type { FakeServer } from '../fakes/fake-http.js';
import { expectNoSecret, useLocalProvider } from './helpers.js';
import type { Session } from '../../src-shared/sessions/domain.js';
import type { SessionDetail, SessionPreview } from '../../src-shared/contract/sessions.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const calypso = { publicKey: 'calypso-public-key-0a1b2c3d', secretKey: 'calypso-secret-key-9f8e7d6c' };
  const oxsKey = 'oxs-api-key-5c4b3a29';
  const account = '0x9f2c4e1a7b3d5f6e8a0c2d4e6f8a0b1c3d5e7f90';

  let gw: TestConsole;
  let calypsoFake: FakeServer;
  let oxsFake: FakeServer;

  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    calypsoFake = await startCalypsoFake(calypso);
    oxsFake = await startOpenxswitchFake({ apiKey: oxsKey });
    await useLocalProvider(gw, 'calypso', { baseUrl: calypsoFake.baseUrl, apiKey: calypso.publicKey, hmacSecret: calypso.secretKey });
    await useLocalProvider(gw, 'openxswitch', { baseUrl: oxsFake.baseUrl, apiKey: oxsKey });
  });
  afterAll(async () => {
    await calypsoFake?.close();
    await oxsFake?.close();
    await gw?.close();
  });

  describe('Calypso invoices', () => {
    const invoice = { invoiceType: 'single', account, currency: 'USDT_TRX', amount: '25.10', externalId: 'ext-7' };

    it('signs the exact body (Key + Sign) with a timestamp; the fake accepts it; the idempotency key becomes a correlation key', async () => {
      const { body: session } = await gw.api<Session>('sessions.create', { provider: 'calypso', payload: invoice });
      expect(session.outcome).toBe('created');
      expect(session.providerSessionId).toBe('inv-1');
      const sent = calypsoFake.requests.at(-1)!;
      expect(sent.headers.sign).toBe(createHmac('sha512', calypso.secretKey).update(sent.body).digest('hex'));
      const text = sent.body.toString();
      expect(text).toMatch(
        new RegExp(
          `^\\{"timestamp":\\d{13},"account":"${account}","payload":\\{"currency":"USDT_TRX","amount":25.10,"idempotencyKey":"[0-9a-f-]{36}","externalId":"ext-7"\\}\\}$`,
        ),
      );
      const key = session.payload.idempotencyKey as string;
      expect(session.correlationKeys).toEqual(
        expect.arrayContaining([
          { kind: 'invoiceId', value: 'inv-1' },
          { kind: 'idempotencyKey', value: key },
        ]),
      );
      expectNoSecret(session, Object.values(calypso));
      const refreshed = await gw.api<SessionDetail>('sessions.refresh', { id: session.id });
      expect(refreshed.body).toMatchObject({ providerState: 'PAID', status: 'completed' });
    });

    it('explains wrong sign (003) and a reused idempotency key (016)', async () => {
      await useLocalProvider(gw, 'calypso', { baseUrl: calypsoFake.baseUrl, hmacSecret: 'some-other-secret-key' });
      const wrong = await gw.api<Session>('sessions.create', { provider: 'calypso', payload: { ...invoice, idempotencyKey: 'idem-1' } });
      expect(wrong.body.outcome).toBe('failed');
      expect(wrong.body.error).toContain('wrong sign');
      await useLocalProvider(gw, 'calypso', { baseUrl: calypsoFake.baseUrl, hmacSecret: calypso.secretKey });
      const first = await gw.api<Session>('sessions.create', { provider: 'calypso', payload: { ...invoice, idempotencyKey: 'idem-2' } });
      expect(first.body.outcome).toBe('created');
      const reused = await gw.api<Session>('sessions.create', { provider: 'calypso', payload: { ...invoice, idempotencyKey: 'idem-2' }, allowDuplicate: true });
      expect(reused.body.error).toContain('016');
    });

    it('needs an amount for a single invoice', async () => {
      const { status, body } = await gw.api<{ error: { issues: Array<{ path: string }> } }>('sessions.preview', {
        provider: 'calypso',
        payload: { ...invoice, amount: undefined },
      });
      expect(status).toBe(400);
      expect(body.error.issues.map((i) => i.path)).toEqual(['payload.amount']);
    });
  });

  describe('OpenXSwitch instant swap and the Paychant widget link', () => {
    it('sends a Bearer-authenticated swap with fromAmount as a string, and queries the order', async () => {
      const { body: session } = await gw.api<Session>('sessions.create', {
        provider: 'openxswitch',
        payload: { walletId: 'w-1', fromCoin: 'USDT', fromAmount: '10.50', toCoin: 'BTC', extId: 'swap-ext-1' },
      });
      expect(session).toMatchObject({ outcome: 'created', providerSessionId: 'swap_1', status: 'pending' });
      expect(oxsFake.requests.at(-1)!.body.toString()).toBe('{"walletId":"w-1","fromCoin":"USDT","fromAmount":"10.50","toCoin":"BTC","extId":"swap-ext-1"}');
      expect(Object.fromEntries(session.calls[0]!.request!.headers).authorization).toBe(`Bearer ••••${oxsKey.slice(-4)}`);
      const refreshed = await gw.api<SessionDetail>('sessions.refresh', { id: session.id });
      expect(refreshed.body.status).toBe('completed');
      expect(oxsFake.requests.at(-1)!.query.get('walletId')).toBe('w-1');
    });

    it('takes fromAmount as a JSON number (as the webhook seed writes it) and sends the string the API schema asks for', async () => {
      const { body: session } = await gw.api<Session>('sessions.create', {
        provider: 'openxswitch',
        payload: { walletId: 'w-2', fromCoin: 'USDT', fromAmount: 2, toCoin: 'TRX' },
      });
      expect(session).toMatchObject({ outcome: 'created' });
      expect(oxsFake.requests.at(-1)!.body.toString()).toBe('{"walletId":"w-2","fromCoin":"USDT","fromAmount":"2","toCoin":"TRX"}');
    });

    it('builds and records the Paychant widget link without any server call', async () => {
      await useLocalProvider(gw, 'paychant', { baseUrl: 'https://widget.paychant.com/sand', apiKey: 'pk_sandbox_partner_01' });
      const preview = await gw.api<SessionPreview>('sessions.preview', {
        provider: 'paychant',
        payload: { action: 'buy', listedAsset: 'USDT', fiatAmount: '5000' },
      });
      const expected = 'https://widget.paychant.com/sand/buy?env=sandbox&partnerApiKey=pk_sandbox_partner_01&listedAsset=USDT&fiatAmount=5000';
      expect(preview.body).toMatchObject({ request: null, link: expected });
      const { body: session } = await gw.api<Session>('sessions.create', {
        provider: 'paychant',
        payload: { action: 'buy', listedAsset: 'USDT', fiatAmount: '5000' },
      });
      expect(session).toMatchObject({ outcome: 'created', kind: 'widget_link', links: [{ label: 'Widget link', url: expected }] });
      const refresh = await gw.api<{ error: { code: string } }>('sessions.refresh', { id: session.id });
      expect(refresh.body.error.code).toBe('bad_request');
    });
  });
});
