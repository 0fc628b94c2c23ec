/**
 * Relay forwards credential headers as received (it is the provider's request to the merchant's own
 * backend), but what it keeps masks them, and what the backend echoes of them or of the
 * provider's webhook secret; nothing of them reaches the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startFakeBackend, type FakeBackend } from '../fakes/backend.js';
import type { RelayAttempt } from '../../src-shared/contract/relay.js';
import { configurePaychant, PAYCHANT_SECRET, paychantWebhook, saveRoute, until } from './helpers.js';
import { storeBackends } from '../helpers/store-backends.js';

/** The relay tables' rows as text, from whichever store the console runs on. */
async function relayRows(gw: TestConsole): Promise<string> {
  if (gw.opened) {
    const tables = await gw.opened.contents();
    return tables
      .filter((t) => t.name === 'table relay_attempts' || t.name === 'table relay_jobs')
      .map((t) => t.bytes.toString('utf8'))
      .join('\n');
  }
  const db = new Database(join(gw.dataDir, 'gatewatch.db'), { readonly: true });
  const rows = JSON.stringify([db.prepare('SELECT * FROM relay_attempts').all(), db.prepare('SELECT * FROM relay_jobs').all()]);
  db.close();
  return rows;
}

describe.each(storeBackends)('on $name', (storeBackend) => {
  const TOKEN = 'tok_live_relay_9f8e7d6c5b4a3210';
  const COOKIE = 'session=relay-cookie-value-77aa88bb';
  let gw: TestConsole;
  let backend: FakeBackend;
  const logged: string[] = [];

  beforeAll(async () => {
    gw = await startTestConsole({ backend: storeBackend }, { log: (line) => logged.push(line) });
    backend = await startFakeBackend();
    // The backend echoes what it got, in several spellings, and fails, so the error path is covered too.
    backend.answer = (request) => ({
      status: 401,
      body: JSON.stringify({
        got: request.header('authorization'),
        cookie: request.header('cookie'),
        b64: Buffer.from(TOKEN).toString('base64'),
        secret: PAYCHANT_SECRET,
      }),
      headers: { 'x-echo': request.header('authorization') ?? '' },
    });
    await configurePaychant(gw);
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
  });

  describe('relay and secrets', () => {
    for (const mode of ['passthrough', 'queue'] as const) {
      it(`${mode}: forwards the credentials, keeps them masked`, async () => {
        await saveRoute(gw, { provider: 'paychant', label: mode, url: backend.url(`/${mode}`), mode, schedule: { kind: 'custom', delaysS: [1] } });
        const { body, headers } = paychantWebhook(`secret-${mode}`);
        const answered = await gw.post(`/webhooks/paychant/${mode}`, body, { ...headers, authorization: `Bearer ${TOKEN}`, cookie: COOKIE });
        const id = answered.headers.get('x-gatewatch-delivery-id') ?? ((await answered.json()) as { id: string }).id;
        await backend.waitFor(mode === 'queue' ? 3 : 1);
        const got = backend.requests.at(-1)!;
        expect(got.header('authorization')).toBe(`Bearer ${TOKEN}`);
        expect(got.header('cookie')).toBe(COOKIE);
        const { attempts } = await until(
          async () => (await gw.api<{ attempts: RelayAttempt[] }>('relay.attempts', { deliveryId: id })).body,
          (r) => r.attempts.length > 0,
        );
        const kept = JSON.stringify(attempts);
        for (const secret of [TOKEN, 'relay-cookie-value-77aa88bb', Buffer.from(TOKEN).toString('base64'), PAYCHANT_SECRET]) expect(kept).not.toContain(secret);
        expect(kept).toContain('••••3210');
      });
    }

    it("writes no secret to the store's relay rows or to the log", async () => {
      await gw.gatewatch.context.relay.recorder.idle();
      const rows = await relayRows(gw);
      expect(rows).toContain('HTTP 401');
      for (const secret of [TOKEN, PAYCHANT_SECRET, 'relay-cookie-value-77aa88bb']) {
        expect(rows).not.toContain(secret);
        expect(logged.join('\n')).not.toContain(secret);
      }
    });
  });
});
