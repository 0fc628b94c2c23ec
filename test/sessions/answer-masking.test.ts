import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startFakeServer, type FakeServer } from '../fakes/fake-http.js';
import { useLocalProvider } from './helpers.js';
import type { Session } from '../../src-shared/sessions/domain.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  const apiKey = 'oxs-echoed-key-5c1d9a7e';
  const instapKey = 'sk_live/instap-echoed-3b8f';
  let gw: TestConsole;
  let echo: FakeServer;
  let instapEcho: FakeServer;

  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    // A provider that echoes the credential it was sent, in its error body and a header.
    echo = await startFakeServer((request) => ({
      status: 401,
      headers: { 'x-debug-auth': String(request.headers.authorization) },
      body: { error: 'invalid api key', received: String(request.headers.authorization) },
    }));
    await useLocalProvider(gw, 'openxswitch', { baseUrl: echo.baseUrl, apiKey });
    // The case: the key in the provider's message, written PHP-style (`\/`).
    instapEcho = await startFakeServer(() => ({ status: 401, body: `{"message":"Invalid API key ${instapKey.replace(/\//g, '\\/')}"}` }));
    await useLocalProvider(gw, 'instap', { baseUrl: instapEcho.baseUrl, apiKey: instapKey, hmacSecret: 'instap-hmac-for-echo-test' });
  });
  afterAll(async () => {
    await echo?.close();
    await instapEcho?.close();
    await gw?.close();
  });

  describe('a provider that echoes a credential back', () => {
    it('has its answer stored and shown with the credential masked, and the failure kept', async () => {
      const { body: session } = await gw.api<Session>('sessions.create', {
        provider: 'openxswitch',
        payload: { walletId: 'w-1', fromCoin: 'USDT', fromAmount: '1.00', toCoin: 'BTC' },
      });
      expect(session.outcome).toBe('failed');
      const response = session.calls[0]!.response!;
      expect(response.status).toBe(401);
      expect(response.body).toContain(`Bearer ••••${apiKey.slice(-4)}`);
      expect(JSON.stringify(session)).not.toContain(apiKey);
      const listed = await gw.api('sessions.list', {});
      expect(JSON.stringify(listed.body)).not.toContain(apiKey);
    });
  });

  describe('the failure explained from an answer that echoes the key', () => {
    it('quotes the provider with the key masked, in the session, the list and the audit log', async () => {
      const { body: session } = await gw.api<Session>('sessions.create', { provider: 'instap', payload: { userId: 'u-echo', userName: 'Ada' } });
      expect(session.outcome).toBe('failed');
      expect(session.error).toBe(
        'HTTP 401: the provider refused the credentials. Check the API key set for this environment. The provider said: Invalid API key ••••3b8f',
      );
      const seen = [
        session,
        (await gw.api('sessions.list', {})).body,
        (await gw.api('sessions.get', { id: session.id })).body,
        (await gw.api('audit.list', { limit: 50 })).body,
      ];
      for (const output of seen) expect(JSON.stringify(output)).not.toMatch(/instap-echoed/);
    });
  });
});
