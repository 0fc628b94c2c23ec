import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { storedBytes } from '../helpers/stored-bytes.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startInstapFake, type InstapFake } from '../fakes/instap-fake.js';
import { startStagingServer, type StagingServer } from '../fakes/staging.js';
import type { CallInput, CallName, CallOutput } from '../../src-shared/contract/index.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  /**
   * Distinctive secrets, configured everywhere a secret can go, then every feature is driven and
   * every output searched for them: API answers (successes and errors), pushed events, the log,
   * what staging receives, and the store's files on disk (secrets are encrypted at rest).
   */
  const secret = (name: string) => `LEAK-${name}-Zq8Xv41Tn`;
  const secrets = {
    instapApiKey: secret('instap-api'),
    instapHmac: secret('instap-hmac'),
    paychantWebhook: secret('paychant-wh'),
    calypsoWebhook: secret('calypso-wh'),
    calypsoApiKey: secret('calypso-api'),
    calypsoSign: secret('calypso-sign'),
    targetSigning: secret('target-sign'),
  };
  const all = Object.values(secrets);

  let gw: TestConsole;
  let instap: InstapFake;
  let staging: StagingServer;
  const outputs: string[] = [];
  const logLines: string[] = [];
  let stopEvents: () => void;

  async function call<K extends CallName>(name: K, input: CallInput<K> | Record<string, never> = {}): Promise<CallOutput<K>> {
    const { status, body } = await gw.api<CallOutput<K>>(name, input);
    outputs.push(`${name} ${status} ${JSON.stringify(body)}`);
    return body;
  }

  beforeAll(async () => {
    gw = await startTestConsole({ backend }, { log: (line) => logLines.push(line) });
    instap = await startInstapFake({ apiKey: secrets.instapApiKey, hmacSecret: secrets.instapHmac, notifyUrl: `${gw.webhookBaseUrl}/webhooks/instap` });
    staging = await startStagingServer();
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
    stopEvents?.();
    await instap?.close();
    await staging?.close();
    await gw?.close();
  });

  describe('secrets never leave the main process', () => {
    it('are absent from every output of every feature', async () => {
      await call('providers.configure', {
        provider: 'instap',
        environment: 'local',
        activeEnvironment: 'local',
        baseUrl: instap.baseUrl,
        apiKey: secrets.instapApiKey,
        hmacSecret: secrets.instapHmac,
        webhookSecrets: [{ label: 'local', value: secrets.instapHmac }],
      });
      await call('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: secrets.paychantWebhook }] });
      await call('providers.configure', {
        provider: 'calypso',
        apiKey: secrets.calypsoApiKey,
        hmacSecret: secrets.calypsoSign,
        webhookSecrets: [{ label: 'sub-1', value: secrets.calypsoWebhook, key: 'pub-1' }],
      });
      // A wrong-secret configure attempt with bad input: the error must not echo the value.
      await call('providers.configure', { provider: 'paychant', baseUrl: secrets.paychantWebhook });

      const body = JSON.stringify({ event: 'PAYMENT_COMPLETED', data: { pid: 'leak-pid-1', transactionRef: 'leak-ref-1', fiatAmount: '170.00' } });
      const good = createHmac('sha512', secrets.paychantWebhook).update(body).digest('hex');
      const bad = createHmac('sha512', 'not-the-secret').update(body).digest('hex');
      const ids: string[] = [];
      for (const signature of [good, bad]) {
        const response = await gw.post('/webhooks/paychant', body, { 'content-type': 'application/json', 'paychant-signature': signature });
        const text = await response.text();
        ids.push((JSON.parse(text) as { id: string }).id);
        outputs.push(text);
      }
      const calypsoBody = '{"id":9,"eventType":"INVOICE_PAID","data":{"externalId":"leak-ext"}}';
      await gw.post('/webhooks/calypso', calypsoBody, { 'content-type': 'application/json', Sign: 'deadbeef', Key: 'pub-1' });
      await gw.gatewatch.worker.idle();

      for (const id of ids) {
        await call('deliveries.get', { id });
        await call('deliveries.reverify', { id });
      }
      await call('deliveries.list', { q: 'leak-pid-1' });
      await call('providers.get');
      await call('timeline.get', { key: 'leak-pid-1' });
      await call('dashboard.get', {});
      await call('listener.status');

      // Sessions: a preview, a send the fake accepts, and one it refuses after a secret change.
      const payload = { userId: 'leak-user-1', userName: 'Ada' };
      await call('sessions.preview', { provider: 'instap', payload });
      const session = await call('sessions.create', { provider: 'instap', payload });
      expect(session.outcome).toBe('created');
      await call('sessions.refresh', { id: session.id });
      await call('sessions.get', { id: session.id });
      await call('sessions.list', {});
      await call('providers.configure', { provider: 'instap', environment: 'local', hmacSecret: `${secrets.instapHmac}-x` });
      const refused = await call('sessions.create', { provider: 'instap', payload: { userId: 'leak-user-2', userName: 'Ada' } });
      expect(refused.outcome).toBe('failed');
      expect(JSON.stringify(refused)).toMatch(/errorHmacDoesNotMatch/);

      // Replay: a target with its own signing secret, a re-signed send, the attempt log.
      const target = await call('replay.targets.save', {
        name: 'staging',
        url: staging.url('/hook'),
        provider: 'paychant',
        signingSecret: secrets.targetSigning,
      });
      await call('replay.targets.list');
      const resent = await call('replay.send', { deliveryId: ids[0]!, targetId: target.id, resign: true, confirm: true });
      expect(resent.resigned).toBe(true);
      expect(resent.response?.status).toBe(202); // what the fake staging server answers
      await call('replay.send', { deliveryId: ids[0]!, targetId: target.id, resign: false, confirm: true });
      await call('replay.attempts', { deliveryId: ids[0]! });
      await call('audit.list', { limit: 500 });

      // The staging server got a signature made with the target secret, never the secret itself.
      const received = staging.requests.map((r) => `${JSON.stringify(r.rawHeaders)}${r.body.toString('utf8')}`).join('\n');
      outputs.push(received);
      expect(staging.requests.length).toBe(2);

      // Every output, and the log, is free of every secret.
      const everything = [...outputs, ...logLines].join('\n');
      expect(outputs.length).toBeGreaterThan(30);
      for (const value of all) expect(everything, `leaked ${value}`).not.toContain(value);

      // At rest: the store's files hold only ciphertext.
      await gw.gatewatch.store.close();
      for (const { name: file, bytes } of await storedBytes(gw)) {
        for (const value of all) expect(bytes.includes(Buffer.from(value)), `${value} in ${file}`).toBe(false);
      }
    });
  });
});
