/**
 * A bad-input corpus against the webhook listener: each case checks the answer code, what was
 * stored, and that the listener still serves the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestQueue } from '../../src-main/listener/ingest-queue.js';
import { WebhookListener } from '../../src-main/listener/server.js';
import type { Store } from '../../src-main/store/types.js';
import { storeBackends, type OpenedStore } from '../helpers/store-backends.js';
import { post, rawRequest } from './raw-http.js';
import { rawFrom } from './sockets.js';

const LIMIT = 1024;

describe.each(storeBackends)('on $name', (backend) => {
  let opened: OpenedStore;
  let store: Store;
  let listener: WebhookListener;
  let port: number;

  beforeAll(async () => {
    opened = await backend.open();
    store = opened.store;
    listener = new WebhookListener(
      {
        host: '127.0.0.1',
        port: 0,
        bodyLimitBytes: LIMIT,
        trustForwardedHeaders: () => false,
        timeouts: { requestMs: 800, headersMs: 500, keepAliveMs: 500, checkEveryMs: 100 },
      },
      new IngestQueue(store.deliveries, () => {}),
    );
    port = (await listener.start()).port;
  });

  afterAll(async () => {
    await listener.stop();
    await store.close();
    await opened.remove();
  });

  const stored = async () => (await store.deliveries.counts()).total;
  /** Refusals are recorded once a second per sender and kind: each recorded case comes from a sender of its own. */
  let senders = 0;
  const fromNewSender = (parts: Parameters<typeof rawRequest>[1]) => rawFrom(`127.0.1.${++senders}`, port, parts);
  const idOf = (text: string) => (JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { id?: string }).id;

  /** The listener answers a good delivery after every bad one. */
  async function stillServes(): Promise<void> {
    const answer = await rawRequest(port, [post('/webhooks/paychant', '{"event":"PAYMENT_COMPLETED"}')]);
    expect(answer.status).toBe(200);
    expect(await store.deliveries.get(idOf(answer.text)!)).not.toBeNull();
  }

  describe('listener bad-input corpus', () => {
    it.each([
      ['malformed JSON', Buffer.from('{"event": "PAYMENT_')],
      ['non-UTF-8 bytes', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x7d])],
      ['an empty body', Buffer.alloc(0)],
      ['a body exactly at the limit', Buffer.alloc(LIMIT, 0x61)],
    ])('keeps %s byte for byte and answers 200', async (_name, body) => {
      const answer = await rawRequest(port, [post('/webhooks/paychant', body)]);
      expect(answer.status).toBe(200);
      const delivery = await store.deliveries.get(idOf(answer.text)!);
      expect(Buffer.from(delivery!.body!).equals(body)).toBe(true);
      await stillServes();
    });

    it('answers 413 over the limit, by Content-Length and by streamed size, and records the attempt', async () => {
      const before = await stored();
      const declared = await fromNewSender([post('/webhooks/paychant', Buffer.alloc(LIMIT + 1, 0x61))]);
      expect(declared.status).toBe(413);
      const chunked = await fromNewSender([
        'POST /webhooks/paychant HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
        `${(LIMIT + 10).toString(16)}\r\n${'b'.repeat(LIMIT + 10)}\r\n0\r\n\r\n`,
      ]);
      expect(chunked.status).toBe(413);
      const attempt = await store.deliveries.get(idOf(chunked.text)!);
      expect(attempt!.body).toBeNull();
      expect(attempt!.rejected?.httpStatus).toBe(413);
      expect(await stored()).toBe(before + 2);
      await stillServes();
    });

    it('reassembles a chunked body', async () => {
      const answer = await rawRequest(port, [
        'POST /webhooks/calypso HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
        '5\r\n{"id"\r\n',
        { pauseMs: 30 },
        '4\r\n:42}\r\n0\r\n\r\n',
      ]);
      expect(answer.status).toBe(200);
      expect(Buffer.from((await store.deliveries.get(idOf(answer.text)!))!.body!).toString()).toBe('{"id":42}');
      await stillServes();
    });

    it('cuts off slow-loris senders (headers that never end, a body that never comes) without storing anything', async () => {
      const before = await stored();
      const started = performance.now();
      const [headers, body] = await Promise.all([
        rawRequest(port, ['POST /webhooks/paychant HTTP/1.1\r\n', { pauseMs: 300 }, 'Host: x\r\n', { pauseMs: 4_000 }, 'X: y\r\n'], 5_000),
        rawRequest(port, [post('/webhooks/paychant', '', { 'Content-Length': '100' }), '{"a"', { pauseMs: 4_000 }, '}'], 5_000),
      ]);
      // Cut off by the listener's timeouts (800 ms here), long before the senders would finish.
      expect(performance.now() - started).toBeLessThan(3_000);
      // Node answers 408 or simply closes; either way the connection does not hang.
      expect([408, null]).toContain(headers.status);
      expect([408, null]).toContain(body.status);
      expect(await stored()).toBe(before);
      await stillServes();
    });

    it('refuses thousands of headers with 431', async () => {
      const many = Array.from({ length: 3_000 }, (_, i) => `X-H${i}: v\r\n`).join('');
      const answer = await rawRequest(port, [`POST /webhooks/paychant HTTP/1.1\r\nHost: x\r\n${many}Content-Length: 2\r\n\r\n{}`]);
      expect(answer.status).toBe(431);
      await stillServes();
    });

    it('keeps a long unknown path as an unknown delivery (404) and refuses an oversized one (431)', async () => {
      const long = await fromNewSender([post(`/webhooks/${'a'.repeat(4_000)}`, '{}')]);
      expect(long.status).toBe(404);
      expect((await store.deliveries.get(idOf(long.text)!))!.provider).toBe('unknown');
      const huge = await rawRequest(port, [post(`/webhooks/${'a'.repeat(70_000)}`, '{}')]);
      expect(huge.status).toBe(431);
      await stillServes();
    });

    it.each(['/webhooks/../x', '/webhooks/%2e%2e/paychant', '/webhooks/stripe', '/', '/webhooks/paychant/../../etc/passwd'])(
      'stores %s as unknown and answers 404, never resolving the path',
      async (path) => {
        const answer = await fromNewSender([post(path, '{"a":1}')]);
        expect(answer.status).toBe(404);
        const delivery = await store.deliveries.get(idOf(answer.text)!);
        expect(delivery!.provider).toBe('unknown');
        expect(delivery!.path).toBe(path);
        await stillServes();
      },
    );

    it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers %s with 405 and Allow: POST', async (method) => {
      const answer = await rawRequest(port, [`${method} /webhooks/paychant HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`]);
      expect(answer.status).toBe(405);
      expect(answer.text).toMatch(/allow: POST/i);
      await stillServes();
    });

    it.each([
      ['a non-numeric Content-Length', 'Content-Length: abc\r\n'],
      ['two different Content-Lengths', 'Content-Length: 2\r\nContent-Length: 3\r\n'],
      ['Content-Length with Transfer-Encoding', 'Content-Length: 2\r\nTransfer-Encoding: chunked\r\n'],
      ['a negative Content-Length', 'Content-Length: -1\r\n'],
    ])('refuses %s with 400', async (_name, framing) => {
      const answer = await rawRequest(port, [`POST /webhooks/paychant HTTP/1.1\r\nHost: x\r\n${framing}Connection: close\r\n\r\n{}`]);
      expect(answer.status).toBe(400);
      await stillServes();
    });

    it('stores nothing when the sender hangs up before the declared body arrived', async () => {
      const before = await stored();
      const answer = await rawRequest(port, ['POST /webhooks/paychant HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{"a":'], 200);
      expect(answer.status).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await stored()).toBe(before);
      await stillServes();
    });

    it('answers a bounded flood of concurrent connections, storing each one it acknowledged', async () => {
      const before = await stored();
      // From 8 senders, 50 each: under the 64 connections one sender may hold (listener-limits.test.ts),
      // which would otherwise close some at once whenever commits take longer (a store over the network).
      const answers = await Promise.all(
        Array.from({ length: 400 }, (_, i) => rawFrom(`127.0.2.${1 + (i % 8)}`, port, [post('/webhooks/openxswitch', `{"requestId":"flood-${i}"}`)], 10_000)),
      );
      const ok = answers.filter((a) => a.status === 200);
      expect(ok.length).toBe(400);
      expect(await stored()).toBe(before + 400);
      expect(new Set(ok.map((a) => idOf(a.text))).size).toBe(400);
      await stillServes();
    });
  });
});
