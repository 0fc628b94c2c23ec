import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendRequest } from '../../src-main/sessions/http.js';
import { maskRequest } from '../../src-main/sessions/masking.js';
import { startFakeServer, type FakeServer } from '../fakes/fake-http.js';
import { compareDecimal } from '../../src-shared/sessions/decimal.js';

const servers: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const get = (url: string) => ({ method: 'GET' as const, url, headers: {}, body: null, signatureHeaders: [] });

describe('sending to a provider', () => {
  it('gives up after the timeout and says the request may have been acted on', async () => {
    const server: Server = createServer(() => {}); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) });
    const outcome = await sendRequest(get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`), 200);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(/No answer .* within 0.2 s.*not sent again/);
  });

  it('does not follow a redirect', async () => {
    const target: FakeServer = await startFakeServer(() => ({ status: 200, body: { followed: true } }));
    const redirecting: FakeServer = await startFakeServer(() => ({ status: 302, headers: { location: `${target.baseUrl}/elsewhere` } }));
    servers.push(target, redirecting);
    const outcome = await sendRequest(get(`${redirecting.baseUrl}/pgpub/session`));
    expect(outcome.ok && outcome.answer.status).toBe(302);
    expect(target.requests).toHaveLength(0);
  });

  it('explains a refused connection', async () => {
    const fake = await startFakeServer(() => ({ status: 200 }));
    const url = `${fake.baseUrl}/x`;
    await fake.close();
    const outcome = await sendRequest(get(url));
    expect(!outcome.ok && outcome.error).toMatch(/connection refused/);
  });
});

describe('masking and decimals', () => {
  it('masks secrets wherever they appear and signature headers always', () => {
    const view = maskRequest(
      { method: 'POST', url: 'http://h/p?key=secret-api-key-1234', headers: { 'x-api-key': 'secret-api-key-1234', 'x-payload-hash': 'c2lnbmF0dXJlLXZhbHVl' }, body: '{"a":1}', signatureHeaders: ['X-Payload-Hash'] },
      ['secret-api-key-1234', null],
    );
    expect(view.url).toBe('http://h/p?key=••••1234');
    expect(view.headers).toEqual([['x-api-key', '••••1234'], ['x-payload-hash', '••••bHVl']]);
  });

  it('compares decimal strings exactly', () => {
    expect(compareDecimal('6000', '5000')).toBe(1);
    expect(compareDecimal('10', '10.00')).toBe(0);
    expect(compareDecimal('0.1', '0.10000000000000000001')).toBe(-1);
    expect(compareDecimal('007.5', '7.50')).toBe(0);
  });
});
