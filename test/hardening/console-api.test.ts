/**
 * The console API under hostile input: tokens, origins, hosts and sizes at the HTTP edge, and
 * every call's input fuzzed with random JSON through the dispatcher: validation must turn all
 * of it into a clear error, never an internal one.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { callNames, contract } from '../../src-shared/contract/index.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import { fuzzInputs } from './fuzz.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole;
  const ids: string[] = [];

  beforeAll(async () => {
    // Calls that reach a provider or a replay target must fail as provider errors, not hang on a network.
    vi.stubGlobal(
      'fetch',
      Object.assign(async (url: unknown, init?: RequestInit) => {
        const target = String(url);
        if (target.startsWith('http://127.0.0.1:')) return realFetch(url as string, init);
        throw new TypeError('fetch failed (no network in this test)');
      }),
    );
    gw = await startTestConsole({ backend, bodyLimitBytes: 4096 });
    for (const [path, body] of [
      ['/webhooks/paychant', '{"event":"PAYMENT_COMPLETED","data":{"pid":"fz-1","transactionRef":"REF1"}}'],
      ['/webhooks/calypso', '{"id":7,"eventType":"INVOICE_PAID","data":{"externalId":"fz-2"}}'],
      ['/webhooks/nowhere', 'not json'],
    ] as const) {
      const response = await gw.post(path, body);
      ids.push(((await response.json()) as { id: string }).id);
    }
    await gw.gatewatch.worker.idle();
  });

  const realFetch = globalThis.fetch;

  afterAll(async () => {
    await gw.close();
    vi.unstubAllGlobals();
  });

  async function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
    const response = await realFetch(`${gw.consoleOrigin}${path}`, {
      method: init.method ?? 'POST',
      headers: { authorization: `Bearer ${gw.token}`, 'content-type': 'application/json', ...init.headers },
      body: init.body,
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as { error?: { code: string } } | null };
  }

  describe('console API edge', () => {
    it('answers 401 to a missing, empty, wrong, differently-cased or query-string token', async () => {
      for (const authorization of ['', 'Bearer', 'Bearer ', `Bearer ${gw.token}x`, `Basic ${gw.token}`, `Bearer ${gw.token.toUpperCase()}`]) {
        expect((await raw('/api/deliveries.list', { headers: { authorization }, body: '{}' })).status).toBe(401);
      }
      expect((await raw(`/api/deliveries.list?token=${gw.token}`, { headers: { authorization: '' }, body: '{}' })).status).toBe(401);
    });

    it('answers 403 to another origin, including look-alikes and a null origin', async () => {
      const port = new URL(gw.consoleOrigin).port;
      for (const origin of [
        'http://evil.example',
        `http://127.0.0.1.evil.example:${port}`,
        'null',
        `https://127.0.0.1:${port}`,
        `http://127.0.0.1:${Number(port) + 1}`,
      ]) {
        expect((await raw('/api/deliveries.list', { headers: { origin }, body: '{}' })).status).toBe(403);
      }
    });

    it('answers 413 to an oversized call even without a Content-Length', async () => {
      const big = JSON.stringify({ q: 'x'.repeat(1024 * 1024 + 10) });
      const streamed = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      });
      const response = await realFetch(`${gw.consoleOrigin}/api/deliveries.list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gw.token}`, 'content-type': 'application/json' },
        body: streamed,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect((await raw('/api/deliveries.list', { body: '{}' })).status).toBe(200);
    });

    it('answers 400 to a body that is not JSON, and to a call that is not POST', async () => {
      for (const body of ['{', '\u0000', 'undefined', '{"limit":1}{"limit":2}']) {
        const answer = await raw('/api/deliveries.list', { body });
        expect(answer.status).toBe(400);
        expect(answer.body?.error?.code).toBe('bad_request');
      }
      expect((await raw('/api/deliveries.list', { method: 'PUT', body: '{}' })).status).toBe(400);
    });
  });

  describe('every call, fuzzed', () => {
    it('turns random JSON into a clear error or a valid answer, never an internal error', { timeout: 60_000 }, async () => {
      const failures: string[] = [];
      let answered = 0;
      for (const name of callNames) {
        for (const input of fuzzInputs(contract[name].input, { seed: name.length * 7919 + 1, count: 120, strings: ids })) {
          try {
            await Promise.race([
              gw.gatewatch.dispatcher.call(name, input),
              new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5_000)),
            ]);
            answered++;
          } catch (error) {
            if (!(error instanceof ApiError) || error.code === 'internal') {
              failures.push(`${name} ${JSON.stringify(input).slice(0, 200)} → ${(error as Error).message}`);
            }
          }
        }
      }
      expect(failures.slice(0, 10)).toEqual([]);
      // Some inputs must have passed validation, or the fuzzing only tested the schemas.
      expect(answered).toBeGreaterThan(callNames.length);
    });

    it('answers fuzzed calls over HTTP with 4xx or 200, never 500', async () => {
      for (const name of callNames) {
        for (const input of fuzzInputs(contract[name].input, { seed: 99 + name.length, count: 5, strings: ids })) {
          const answer = await raw(`/api/${name}`, { body: JSON.stringify(input) });
          expect(answer.status, `${name} ${JSON.stringify(input).slice(0, 200)}`).toBeLessThan(500);
        }
      }
    });
  });
});
