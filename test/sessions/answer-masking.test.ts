import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { startFakeServer, type FakeServer } from '../fakes/fake-http.js';
import { useLocalProvider } from './helpers.js';
import type { Session } from '../../src-shared/sessions/domain.js';

const apiKey = 'oxs-echoed-key-5c1d9a7e';
let gw: TestConsole;
let echo: FakeServer;

beforeAll(async () => {
  gw = await startTestConsole();
  // A provider that echoes the credential it was sent, in its error body and a header.
  echo = await startFakeServer((request) => ({
    status: 401,
    headers: { 'x-debug-auth': String(request.headers.authorization) },
    body: { error: 'invalid api key', received: String(request.headers.authorization) },
  }));
  await useLocalProvider(gw, 'openxswitch', { baseUrl: echo.baseUrl, apiKey });
});
afterAll(async () => {
  await echo?.close();
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
