import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startInstapFake, type InstapFake } from '../fakes/instap-fake.js';
import { expectNoSecret, useLocalProvider } from './helpers.js';
import { createSessionTimelineSource } from '../../src-main/sessions/timeline-source.js';
import type { Session } from '../../src-shared/sessions/domain.js';
import type { SessionDetail, SessionPreview } from '../../src-shared/contract/sessions.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const apiKey = 'instap-api-key-4f9c2a71';
  const hmacSecret = 'instap-hmac-secret-8d3b6e05';
  const secrets = [apiKey, hmacSecret];

  let gw: TestConsole;
  let fake: InstapFake;

  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    fake = await startInstapFake({ apiKey, hmacSecret, notifyUrl: `${gw.webhookBaseUrl}/webhooks/instap` });
    await useLocalProvider(gw, 'instap', { baseUrl: fake.baseUrl, apiKey, hmacSecret });
    // The console verifies the fake's deposit notifications with the same HMAC secret.
    await gw.api('providers.configure', { provider: 'instap', webhookSecrets: [{ label: 'local', value: hmacSecret }] });
  });
  afterAll(async () => {
    await fake?.close();
    await gw?.close();
  });

  const payload = (userId: string) => ({
    userId,
    userName: 'Ada Lovelace',
    minPaymentAmountInUSD: '12.50',
    sessionDefaultFiatCurrency: 'EUR',
    sessionDefaultLanguage: 'en',
  });

  describe('Instap sessions against a fake pgpub API on 127.0.0.1', () => {
    it('previews the exact request with secrets masked, and sends nothing', async () => {
      const before = fake.requests.length;
      const { status, body } = await gw.api<SessionPreview>('sessions.preview', { provider: 'instap', payload: payload('user-preview-1') });
      expect(status).toBe(200);
      expect(body.environment).toBe('local');
      expect(body.request).toMatchObject({ method: 'POST', url: `${fake.baseUrl}/pgpub/session` });
      // Amounts keep the digits typed: 12.50 is not re-printed as 12.5.
      expect(body.request!.body).toBe(
        '{"userId":"user-preview-1","userName":"Ada Lovelace","minPaymentAmountInUSD":12.50,"sessionDefaultFiatCurrency":"EUR","sessionDefaultLanguage":"en"}',
      );
      const headers = Object.fromEntries(body.request!.headers);
      expect(headers['x-api-key']).toBe(`••••${apiKey.slice(-4)}`);
      expect(headers['x-payload-hash']).toMatch(/^••••.{4}$/);
      expectNoSecret(body, secrets);
      expect(fake.requests.length).toBe(before);
    });

    it('creates a session: the fake verifies the hash of the bytes it received; token, link, keys and audit are stored', async () => {
      const { status, body: session } = await gw.api<Session>('sessions.create', { provider: 'instap', payload: payload('user-create-1') });
      expect(status).toBe(200);
      expect(session.outcome).toBe('created');
      expect(session.status).toBe('created');
      expect(session.providerSessionId).toMatch(/^OP\d{4}X/);
      expect(session.links[0]!.url).toBe(`${fake.baseUrl}/checkout/${session.providerSessionId}`);
      expect(session.correlationKeys).toEqual([
        { kind: 'sessionToken', value: session.providerSessionId },
        { kind: 'userId', value: 'user-create-1' },
      ]);
      const received = fake.requests[fake.requests.length - 1]!;
      const sentBody = received.body.toString('utf8');
      expect(sentBody).toBe(session.calls[0]!.request!.body);
      expect(received.headers['x-payload-hash']).toBe(createHmac('sha512', hmacSecret).update(received.body).digest('base64'));
      expect(session.calls[0]!.response!.status).toBe(200);
      expectNoSecret(session, secrets);

      const audit = await gw.api<{ items: Array<{ action: string; subject: string; details: unknown }> }>('audit.list', { action: 'session.create' });
      const entry = audit.body.items.find((i) => i.subject === session.id);
      expect(entry).toBeDefined();
      expectNoSecret(audit.body, secrets);

      const list = await gw.api<{ items: Array<{ id: string; providerSessionId: string }> }>('sessions.list', {});
      expect(list.body.items.map((i) => i.id)).toContain(session.id);
    });

    it("creates a session from the seed's example body (numbers as numbers): sent as the seed's JSON.stringify, hash verified by the fake", async () => {
      // Seed 001's TypeScript sample, field for field; minPaymentAmountInUSD is a JSON number.
      const seedPayload = {
        userId: 'YOUR_UNIQUE_USER_ID',
        userName: 'YOUR_USER_NAME',
        userNameSurname: 'THE_NAME_AND_SURNAME_OF_YOUR_USER',
        sessionDefaultLanguage: 'en',
        sessionDefaultFiatCurrency: 'USD',
        minPaymentAmountInUSD: 0.5,
      };
      const { status, body: session } = await gw.api<Session>('sessions.create', { provider: 'instap', payload: seedPayload });
      expect(status, JSON.stringify(session)).toBe(200);
      expect(session.outcome).toBe('created');
      const received = fake.requests[fake.requests.length - 1]!;
      // "convert the request body to a string using JSON.stringify() … use the same stringified body"
      expect(received.body.toString('utf8')).toBe(JSON.stringify(seedPayload));
      expect(received.headers['x-payload-hash']).toBe(createHmac('sha512', hmacSecret).update(JSON.stringify(seedPayload)).digest('base64'));
      expect(session.calls[0]!.response!.status).toBe(200);
    });

    it('returns validation errors per field, in words, sends nothing, and stores nothing', async () => {
      const before = fake.requests.length;
      const listed = async () => (await gw.api<{ items: Array<{ id: string }> }>('sessions.list', { provider: 'instap' })).body.items.length;
      const sessionsBefore = await listed();
      const { status, body } = await gw.api<{ error: { code: string; issues: Array<{ path: string; message: string }> } }>('sessions.create', {
        provider: 'instap',
        payload: { userId: '', userName: 'x', minPaymentAmountInUSD: '6000', sessionDefaultFiatCurrency: 'JPY', sessionDefaultLanguage: 'eng' },
      });
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_request');
      const paths = body.error.issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['payload.userId', 'payload.sessionDefaultFiatCurrency', 'payload.sessionDefaultLanguage']));
      expect(fake.requests.length).toBe(before);
      // The minimum is checked against Instap's default maximum (5000) once the fields are valid.
      const minMax = await gw.api<{ error: { issues: Array<{ path: string; message: string }> } }>('sessions.preview', {
        provider: 'instap',
        payload: { userId: 'u', userName: 'x', minPaymentAmountInUSD: '6000' },
      });
      expect(minMax.body.error.issues).toEqual([{ path: 'payload.minPaymentAmountInUSD', message: 'The minimum (6000 USD) is above the maximum (5000 USD)' }]);
      expect(body.error.issues.find((i) => i.path === 'payload.sessionDefaultFiatCurrency')!.message).toBe('Choose one of USD, EUR, GBP, KRW, BRL or TRY.');
      expect(body.error.issues.find((i) => i.path === 'payload.userId')!.message).toBe('Required: fill this in.');
      // A submit refused by validation is not a session: the list is as it was.
      expect(await listed()).toBe(sessionsBefore);
    });

    it('warns about an identical payload sent in the last minutes and sends it again only when confirmed', async () => {
      const first = await gw.api<Session>('sessions.create', { provider: 'instap', payload: payload('user-dup-1') });
      expect(first.status).toBe(200);
      const preview = await gw.api<SessionPreview>('sessions.preview', { provider: 'instap', payload: { ...payload('user-dup-1') } });
      expect(preview.body.recentIdentical.map((s) => s.id)).toEqual([first.body.id]);
      const before = fake.requests.length;
      const again = await gw.api<{ error: { code: string; message: string } }>('sessions.create', { provider: 'instap', payload: payload('user-dup-1') });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain(first.body.id);
      expect(fake.requests.length).toBe(before);
      const confirmed = await gw.api<Session>('sessions.create', { provider: 'instap', payload: payload('user-dup-1'), allowDuplicate: true });
      expect(confirmed.body.outcome).toBe('created');
      expect(confirmed.body.providerSessionId).not.toBe(first.body.providerSessionId);
    });

    it('refreshes the state from the session query and appends it to the history', async () => {
      const { body: session } = await gw.api<Session>('sessions.create', { provider: 'instap', payload: payload('user-refresh-1') });
      const first = await gw.api<SessionDetail>('sessions.refresh', { id: session.id });
      expect(first.body).toMatchObject({ providerState: 'NEW', status: 'created' });
      fake.setState(session.providerSessionId!, 'EXPIRED');
      const second = await gw.api<SessionDetail>('sessions.refresh', { id: session.id });
      expect(second.body).toMatchObject({ providerState: 'EXPIRED', status: 'expired' });
      expect(second.body.calls.map((c) => [c.kind, c.providerState])).toEqual([
        ['create', 'NEW'],
        ['status', 'NEW'],
        ['status', 'EXPIRED'],
      ]);
      const get = await gw.api<SessionDetail>('sessions.get', { id: session.id });
      expect(get.body.status).toBe('expired');
    });

    it('sends a test deposit; the deposit webhook joins the session (sessions.get and the timeline source)', async () => {
      const { body: session } = await gw.api<Session>('sessions.create', { provider: 'instap', payload: payload('user-deposit-1') });
      const deposited = await gw.api<SessionDetail>('sessions.mockDeposit', { id: session.id, blockChainCurrency: 'TRX', blockChainAmount: '0.001' });
      expect(deposited.status).toBe(200);
      const call = deposited.body.calls[deposited.body.calls.length - 1]!;
      expect(call).toMatchObject({ kind: 'mock_deposit', ok: true });
      expect(call.request!.body).toBe('{"userId":"user-deposit-1","blockChainCurrency":"TRX","blockChainAmount":0.001}');
      expect(fake.notifications.at(-1)!.status).toBe(200);
      await gw.gatewatch.worker.idle();

      const refreshed = await gw.api<SessionDetail>('sessions.refresh', { id: session.id });
      expect(refreshed.body.status).toBe('completed');
      expect(refreshed.body.linkedDeliveries).toHaveLength(1);
      expect(refreshed.body.linkedDeliveries[0]!.key).toEqual({ kind: 'sessionToken', value: session.providerSessionId });

      const steps = await createSessionTimelineSource(gw.gatewatch.store.sessions).stepsFor({ keys: [session.providerSessionId!], deliveryIds: [] });
      expect(steps.map((s) => [s.kind, s.sessionId])).toEqual([
        ['session', session.id],
        ['session', session.id],
        ['status_check', session.id],
      ]);
      expect(steps[2]).toMatchObject({ status: 'completed', outcome: 'info' });
    });
  });

  describe('Instap failures explained in words', () => {
    it('wrong HMAC secret: the fake answers errorHmacDoesNotMatch; the failure is stored and explained', async () => {
      await useLocalProvider(gw, 'instap', { baseUrl: fake.baseUrl, hmacSecret: 'not-the-registered-secret' });
      try {
        const { status, body } = await gw.api<Session>('sessions.create', { provider: 'instap', payload: payload('user-wrong-secret') });
        expect(status).toBe(200);
        expect(body.outcome).toBe('failed');
        expect(body.calls[0]!.response!.body).toContain('errorHmacDoesNotMatch');
        expect(body.error).toContain('errorHmacDoesNotMatch');
        expect(body.error).toContain('HMAC secret');
        expectNoSecret(body, ['not-the-registered-secret', apiKey]);
        const stored = await gw.api<SessionDetail>('sessions.get', { id: body.id });
        expect(stored.body.error).toBe(body.error);
      } finally {
        await useLocalProvider(gw, 'instap', { baseUrl: fake.baseUrl, hmacSecret });
      }
    });

    it('HTTP 400 while no HMAC secret is registered at Instap', async () => {
      const unregistered = await startInstapFake({ apiKey, hmacSecret: null });
      // Another host: its credentials are entered with it (stored ones do not follow a base URL by themselves).
      await useLocalProvider(gw, 'instap', { baseUrl: unregistered.baseUrl, apiKey, hmacSecret });
      try {
        const { body } = await gw.api<Session>('sessions.create', { provider: 'instap', payload: payload('user-no-hmac') });
        expect(body.outcome).toBe('failed');
        expect(body.calls[0]!.response!.status).toBe(400);
        expect(body.error).toMatch(/no HMAC secret is registered/);
        expect(body.error).toContain('PUT /secpub/hmac');
      } finally {
        await unregistered.close();
        await useLocalProvider(gw, 'instap', { baseUrl: fake.baseUrl, apiKey, hmacSecret });
      }
    });

    it('a missing HMAC secret is reported before anything is sent', async () => {
      await useLocalProvider(gw, 'instap', { baseUrl: fake.baseUrl, hmacSecret: null });
      const before = fake.requests.length;
      const listed = async () => (await gw.api<{ items: Array<{ id: string }> }>('sessions.list', { provider: 'instap' })).body.items.length;
      const sessionsBefore = await listed();
      try {
        const { status, body } = await gw.api<{ error: { message: string; issues: Array<{ path: string }> } }>('sessions.create', {
          provider: 'instap',
          payload: payload('user-missing-secret'),
        });
        expect(status).toBe(400);
        expect(body.error.message).toContain('HMAC secret');
        expect(body.error.issues[0]!.path).toBe('environment');
        expect(fake.requests.length).toBe(before);
        // Refused before sending: nothing was created anywhere, so no session is kept.
        expect(await listed()).toBe(sessionsBefore);
      } finally {
        await useLocalProvider(gw, 'instap', { baseUrl: fake.baseUrl, hmacSecret });
      }
    });
  });
});
