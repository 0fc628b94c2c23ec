import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { storedBytes } from '../helpers/stored-bytes.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { phpJsonEscaped, startSecretEchoFake, type SecretEchoFake } from '../fakes/secret-echo.js';
import type { CallInput, CallName, CallOutput } from '../../src-shared/contract/index.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  /**
   * Issue 12 acceptance: providers and a staging target that echo every secret they know in every
   * answer (plain, JSON-escaped, URL-encoded, base64), driven through every outgoing call, success
   * and failure. No form of any secret may show in an API answer, a push, a log line, an audit
   * entry, or the bytes of the data dir.
   */
  const secrets = {
    instapApiKey: 'sk_live/EchoInstap+Key 1=a&9Qz',
    instapHmac: 'hm"ac\\EchoInstap/é-7Pq',
    ixcApiKey: 'ixc/EchoKey+2 =Zr81',
    calypsoPublic: 'cal/EchoPub+3=Kd0',
    calypsoSecret: 'cal"EchoSec/ü 4Ws',
    oxsApiKey: 'oxs/EchoKey+5= HbLm',
    targetSigning: 'tgt/EchoSign é"6Yc',
    paychantWebhook: 'pch/EchoWebhook+7=Nf',
  };
  const all = Object.values(secrets);

  const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
  const inJson = (s: string) => JSON.stringify(s).slice(1, -1);

  /** Every way the test looks for one secret: each echoed form, and each as it reads inside JSON. */
  function searchedForms(secret: string): string[] {
    const b64 = Buffer.from(secret).toString('base64');
    const b64url = Buffer.from(secret).toString('base64url');
    const forms = [
      secret,
      inJson(secret),
      inJson(secret).replace(/\//g, '\\/'),
      phpJsonEscaped(secret),
      encodeURIComponent(secret),
      lowerHex(encodeURIComponent(secret)),
      new URLSearchParams({ k: secret }).toString().slice(2),
      b64,
      b64.replace(/=+$/, ''),
      b64.replace(/\//g, '\\/'),
      b64url,
    ];
    return [...new Set([...forms, ...forms.map(inJson)])];
  }

  /** Base64 runs in a text, decoded: an echo such as `Basic base64(user:key)` shows here. */
  function decodedRuns(text: string): string {
    return (text.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? []).map((run) => `${Buffer.from(run, 'base64')}\n${Buffer.from(run, 'base64url')}`).join('\n');
  }

  let gw: TestConsole;
  const fakes: Record<string, SecretEchoFake> = {};
  const outputs: string[] = [];
  const logLines: string[] = [];
  let stopEvents: () => void = () => {};

  async function call<K extends CallName>(name: K, input: CallInput<K> | Record<string, never> = {}): Promise<CallOutput<K>> {
    const { status, body } = await gw.api<CallOutput<K>>(name, input);
    outputs.push(`${name} ${status} ${JSON.stringify(body)}`);
    expect(status, `${name}: ${JSON.stringify(body)}`).toBe(200);
    return body;
  }

  const setMode = (mode: SecretEchoFake['mode']) => {
    for (const fake of Object.values(fakes)) fake.mode = mode;
  };

  beforeAll(async () => {
    gw = await startTestConsole({ backend }, { log: (line) => logLines.push(line) });
    fakes.instap = await startSecretEchoFake([secrets.instapApiKey, secrets.instapHmac]);
    fakes.instaxchange = await startSecretEchoFake([secrets.ixcApiKey]);
    fakes.calypso = await startSecretEchoFake([secrets.calypsoPublic, secrets.calypsoSecret]);
    fakes.openxswitch = await startSecretEchoFake([secrets.oxsApiKey]);
    // A staging service that knows its signing secret and the provider's webhook secret.
    fakes.staging = await startSecretEchoFake([secrets.targetSigning, secrets.paychantWebhook]);
    const controller = new AbortController();
    const events = await fetch(`${gw.consoleOrigin}/api/events`, { headers: { authorization: `Bearer ${gw.token}` }, signal: controller.signal });
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          outputs.push(`event ${value}`);
        }
      } catch {
        // aborted at the end
      }
    })();
    stopEvents = () => controller.abort();
  });

  afterAll(async () => {
    stopEvents();
    for (const fake of Object.values(fakes)) await fake.close();
    await gw?.close();
  });

  const payloads: Record<'instap' | 'instaxchange' | 'calypso' | 'openxswitch', Record<string, unknown>> = {
    instap: { userId: 'echo-user-1', userName: 'Ada', minPaymentAmountInUSD: '12.50', sessionDefaultFiatCurrency: 'EUR', sessionDefaultLanguage: 'en' },
    instaxchange: {
      amountDirection: 'sending',
      fromAmount: '100.00',
      fromCurrency: 'EUR',
      toCurrency: 'USDT-TRON',
      webhookRef: 'echo-order-1',
      address: 'TXyz123',
    },
    calypso: { invoiceType: 'single', account: '0x9f2c4e1a7b3d5f6e8a0c2d4e6f8a0b1c3d5e7f90', currency: 'USDT_TRX', amount: '25.10', externalId: 'echo-ext' },
    openxswitch: { walletId: 'w-echo', fromCoin: 'USDT', fromAmount: '10.50', toCoin: 'BTC' },
  };

  const providersWithSessions = Object.keys(payloads) as Array<keyof typeof payloads>;

  async function configureProviders() {
    const creds: Record<keyof typeof payloads, { apiKey: string; hmacSecret?: string }> = {
      instap: { apiKey: secrets.instapApiKey, hmacSecret: secrets.instapHmac },
      instaxchange: { apiKey: secrets.ixcApiKey },
      calypso: { apiKey: secrets.calypsoPublic, hmacSecret: secrets.calypsoSecret },
      openxswitch: { apiKey: secrets.oxsApiKey },
    };
    for (const provider of providersWithSessions) {
      const c = creds[provider];
      await call('providers.configure', { provider, environment: 'local', activeEnvironment: 'local', baseUrl: fakes[provider]!.baseUrl, ...c });
    }
    await call('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: secrets.paychantWebhook }] });
    const current = await call('sessions.settings.get');
    await call('sessions.settings.save', {
      ...current,
      instaxchange: { ...current.instaxchange, creationAuth: 'x-api-key', txLookupPathTemplate: '/api/withdraw/{withdrawTxId}/hash' },
    });
  }

  /** Every outgoing session call, answered with success and then with a refusal. */
  async function driveSessions(): Promise<string[]> {
    const ids: string[] = [];
    for (const provider of providersWithSessions) {
      setMode('ok');
      const created = await call('sessions.create', { provider, payload: payloads[provider] });
      expect(created, provider).toMatchObject({ outcome: 'created', providerSessionId: 'echo-1' });
      ids.push(created.id);
      await call('sessions.refresh', { id: created.id });
      setMode('refused');
      await call('sessions.refresh', { id: created.id });
      const refused = await call('sessions.create', { provider, payload: payloads[provider], allowDuplicate: true });
      expect(refused.outcome, provider).toBe('failed');
      expect(refused.error).toMatch(/HTTP 401/);
      ids.push(refused.id);
    }
    const instapSession = ids[0]!;
    for (const mode of ['ok', 'refused'] as const) {
      setMode(mode);
      await call('sessions.mockDeposit', { id: instapSession, blockChainCurrency: 'TRX', blockChainAmount: '0.001' });
      const lookup = await call('sessions.lookupWithdrawTx', { sessionId: ids[2], withdrawTxId: `wd_echo_${mode}` });
      expect(lookup.ok, JSON.stringify(lookup)).toBe(mode === 'ok');
    }
    return ids;
  }

  async function driveReplays(): Promise<string> {
    const body = JSON.stringify({ event: 'PAYMENT_COMPLETED', data: { pid: 'echo-pid-1', transactionRef: 'echo-ref-1', fiatAmount: '170.00' } });
    const signature = createHmac('sha512', secrets.paychantWebhook).update(body).digest('hex');
    const response = await gw.post('/webhooks/paychant', body, { 'content-type': 'application/json', 'paychant-signature': signature });
    const { id: deliveryId } = (await response.json()) as { id: string };
    await gw.gatewatch.worker.idle();
    const target = await call('replay.targets.save', {
      name: 'echo staging',
      url: `${fakes.staging!.baseUrl}/hook`,
      provider: 'paychant',
      signingSecret: secrets.targetSigning,
    });
    for (const mode of ['ok', 'refused'] as const) {
      setMode(mode);
      for (const resign of [true, false]) {
        const attempt = await call('replay.send', { deliveryId, targetId: target.id, resign, confirm: true });
        expect(attempt.outcome).toBe(mode === 'ok' ? 'ok' : 'failed');
        const job = await call('replay.bulk.start', { targetId: target.id, deliveryIds: [deliveryId], resign, confirm: true });
        await expect.poll(async () => (await call('replay.bulk.get', { id: job.id })).state, { timeout: 10_000 }).toBe('finished');
      }
    }
    return deliveryId;
  }

  describe('a provider or staging target that echoes secrets back', () => {
    it('never gets a secret, in any form, into an answer, a push, the log, the audit log or the data dir', async () => {
      await configureProviders();
      const sessionIds = await driveSessions();
      const deliveryId = await driveReplays();

      await call('sessions.list', { limit: 100 });
      for (const id of sessionIds) await call('sessions.get', { id });
      await call('timeline.get', { key: 'echo-1' });
      await call('timeline.get', { key: 'echo-pid-1' });
      await call('deliveries.get', { id: deliveryId });
      await call('replay.attempts', { deliveryId, limit: 100 });
      await call('replay.bulk.list');
      await call('audit.list', { limit: 500 });
      // The exports: deliveries in every format, and the replays sent (whose answers echoed).
      for (const query of ['format=har', 'format=ndjson', 'format=csv', `format=har&what=replay-attempts&deliveryId=${deliveryId}`]) {
        const exported = await fetch(`${gw.consoleOrigin}/api/export?${query}`, { headers: { authorization: `Bearer ${gw.token}` } });
        expect(exported.status, query).toBe(200);
        const text = await exported.text();
        outputs.push(`export ${query} ${text}`);
        if (query.includes('replay-attempts')) expect((JSON.parse(text) as { log: { entries: unknown[] } }).log.entries.length).toBeGreaterThan(0);
      }
      await new Promise((resolve) => setTimeout(resolve, 100)); // the last pushes
      stopEvents();

      // The echoes really came back, and what was shown in their place is the masked form.
      for (const fake of Object.values(fakes)) expect(fake.answered).toBeGreaterThan(2);
      const everything = [...outputs, ...logLines].join('\n');
      for (const value of all) expect(everything, `no masked echo of ${value}`).toContain(inJson(`••••${value.slice(-4)}`));

      for (const value of all) {
        for (const form of searchedForms(value)) expect.soft(everything.includes(form), `${value} shown as ${form}`).toBe(false);
        expect.soft(decodedRuns(everything).includes(value), `${value} inside a base64 text`).toBe(false);
      }

      await gw.gatewatch.store.close();
      for (const { name: file, bytes } of await storedBytes(gw)) {
        for (const value of all) {
          for (const form of searchedForms(value)) expect.soft(bytes.includes(Buffer.from(form)), `${value} as ${form} in ${file}`).toBe(false);
        }
      }
    }, 60_000);
  });
});
