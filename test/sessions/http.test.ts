import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendRequest } from '../../src-main/sessions/http.js';
import { maskRequest } from '../../src-main/sessions/masking.js';
import { createSecretMasker } from '../../src-main/secrets/echo-masker.js';
import { startFakeServer, type FakeServer } from '../fakes/fake-http.js';
import { compareDecimal } from '../../src-shared/sessions/decimal.js';

const servers: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const nothingToMask = { masker: createSecretMasker([]) };
const get = (url: string) => ({ method: 'GET' as const, url, headers: {}, body: null, signatureHeaders: [] });

describe('sending to a provider', () => {
  it('gives up after the timeout and says the request may have been acted on', async () => {
    const server: Server = createServer(() => {}); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({
      close: () =>
        new Promise((r) => {
          server.closeAllConnections();
          server.close(r);
        }),
    });
    const outcome = await sendRequest(get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`), { ...nothingToMask, timeoutMs: 200 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(/No answer .* within 0.2 s.*not sent again/);
  });

  it('does not follow a redirect', async () => {
    const target: FakeServer = await startFakeServer(() => ({ status: 200, body: { followed: true } }));
    const redirecting: FakeServer = await startFakeServer(() => ({ status: 302, headers: { location: `${target.baseUrl}/elsewhere` } }));
    servers.push(target, redirecting);
    const outcome = await sendRequest(get(`${redirecting.baseUrl}/pgpub/session`), nothingToMask);
    expect(outcome.ok && outcome.answer.status).toBe(302);
    expect(target.requests).toHaveLength(0);
  });

  it('explains a refused connection', async () => {
    const fake = await startFakeServer(() => ({ status: 200 }));
    const url = `${fake.baseUrl}/x`;
    await fake.close();
    const outcome = await sendRequest(get(url), nothingToMask);
    expect(!outcome.ok && outcome.error).toMatch(/connection refused/);
  });
});

/** Streams `total` bytes of answer as fast as the reader takes them; records whether the reader hung up first. */
async function startStreamingAnswer(total: number, declareLength: boolean) {
  const state = { written: 0, finished: false, closedEarly: false };
  let closed!: () => void;
  const hungUp = new Promise<void>((resolve) => (closed = resolve));
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', ...(declareLength ? { 'content-length': String(total) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (state.written < total && !res.destroyed) {
        state.written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end(() => (state.finished = true));
    };
    res.on('close', () => {
      state.closedEarly = !state.finished && state.written < total;
      closed();
    });
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/big`, state, hungUp };
}

describe('a large answer', () => {
  const total = 50 * 1024 * 1024;

  it.each([
    ['declared by Content-Length', true, /the answer was 50\.0 MiB \(52428800 bytes\) by its Content-Length, and the rest was not read\]$/],
    ['streamed without a length', false, /the answer was more than 1\.\d MiB \(\d+ bytes\), and the rest was not read\]$/],
  ])('%s is read only up to the cap, then the connection is closed; the stored text says it was cut', async (_name, declared, note) => {
    const big = await startStreamingAnswer(total, declared);
    const outcome = await sendRequest(get(big.url), nothingToMask);
    await big.hungUp;
    expect(big.state.closedEarly).toBe(true);
    // Socket buffers hold a few MiB at most: far from the 50 MiB a whole read would take.
    expect(big.state.written).toBeLessThan(total / 4);
    if (!outcome.ok) throw new Error(outcome.error);
    const kept = outcome.answer.body!.indexOf('… [cut:');
    expect(kept).toBe(1024 * 1024);
    expect(outcome.answer.body!.slice(kept)).toMatch(/^… \[cut: only the first 1\.0 MiB \(1048576 bytes\) of the answer is kept; /);
    expect(outcome.answer.body).toMatch(note);
    expect(outcome.answer.json).toBeUndefined();
  });

  it('masks an echo that crosses the cut whole, and keeps a small answer as it is', async () => {
    const secret = 'sk_live/cut-across-9x2Q';
    const fake = await startFakeServer(() => ({ status: 401, body: `${'a'.repeat(90)}${secret}${'b'.repeat(500)}` }));
    servers.push(fake);
    const masker = createSecretMasker([secret]);
    const cut = await sendRequest(get(`${fake.baseUrl}/x`), { masker, capBytes: 100 });
    expect(cut.ok && cut.answer.body).toBe(
      `${'a'.repeat(90)}••••9x2Q… [cut: only the first 0.0 MiB (100 bytes) of the answer is kept; the answer was 0.0 MiB (613 bytes)]`,
    );
    const whole = await sendRequest(get(`${fake.baseUrl}/x`), { masker });
    expect(whole.ok && whole.answer.body).toBe(`${'a'.repeat(90)}••••9x2Q${'b'.repeat(500)}`);
  });
});

describe('a failure before any answer', () => {
  it('is described with the request secrets masked (the URL may be in the error)', async () => {
    const secret = 'url-borne-secret-7Qw3';
    const outcome = await sendRequest(get(`http://merchant:${secret}@127.0.0.1:1/x`), { masker: createSecretMasker([secret]) });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error).toContain('••••7Qw3');
      expect(outcome.error).not.toContain(secret);
    }
  });
});

describe('masking and decimals', () => {
  it('masks secrets wherever they appear and signature headers always', () => {
    const view = maskRequest(
      {
        method: 'POST',
        url: 'http://h/p?key=secret-api-key-1234',
        headers: { 'x-api-key': 'secret-api-key-1234', 'x-payload-hash': 'c2lnbmF0dXJlLXZhbHVl' },
        body: '{"a":1}',
        signatureHeaders: ['X-Payload-Hash'],
      },
      createSecretMasker(['secret-api-key-1234', null]),
    );
    expect(view.url).toBe('http://h/p?key=••••1234');
    expect(view.headers).toEqual([
      ['x-api-key', '••••1234'],
      ['x-payload-hash', '••••bHVl'],
    ]);
  });

  it('compares decimal strings exactly', () => {
    expect(compareDecimal('6000', '5000')).toBe(1);
    expect(compareDecimal('10', '10.00')).toBe(0);
    expect(compareDecimal('0.1', '0.10000000000000000001')).toBe(-1);
    expect(compareDecimal('007.5', '7.50')).toBe(0);
  });
});
