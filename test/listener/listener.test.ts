import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole;
  beforeEach(async () => {
    gw = await startTestConsole({ backend, bodyLimitBytes: 4096 });
  });
  afterEach(async () => {
    await gw.close();
  });

  async function detail(id: string): Promise<DeliveryDetail> {
    await gw.gatewatch.worker.idle();
    const { status, body } = await gw.api<DeliveryDetail>('deliveries.get', { id });
    expect(status).toBe(200);
    return body;
  }

  describe('webhook listener', () => {
    it('stores the exact bytes and answers 200 with the id only after commit', async () => {
      const body = '{"event":"PAYMENT_COMPLETED", "data": {"fiatAmount": 170.00}}\n';
      const response = await gw.post('/webhooks/paychant', body);
      expect(response.status).toBe(200);
      const { id } = (await response.json()) as { id: string };
      expect(id).toMatch(/^dlv_/);
      // Committed before the answer: readable straight away, without waiting for derivation.
      const stored = await gw.gatewatch.store.deliveries.get(id);
      expect(Buffer.from(stored!.body!).toString('utf8')).toBe(body);
      const d = await detail(id);
      expect(d.body).toBe(body);
      expect(Buffer.from(d.bodyBase64, 'base64').toString('utf8')).toBe(body);
      expect(d.provider).toBe('paychant');
      expect(d.size).toBe(Buffer.byteLength(body));
    });

    it('keeps header order, case and repeats as received', async () => {
      const port = new URL(gw.webhookBaseUrl).port;
      const raw = await new Promise<string>((resolve, reject) => {
        // A raw socket, so the header order and case on the wire are exactly these.
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            'POST /webhooks/calypso/eu?x=1 HTTP/1.1\r\nHost: tunnel.example\r\nX-Zeta: 1\r\nSign: abc\r\nx-zeta: 2\r\n' +
              'Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
          );
        });
        let text = '';
        socket.on('data', (chunk) => (text += chunk));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1.1 200/);
      const id = (JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { id: string }).id;
      const d = await detail(id);
      expect(d.label).toBe('eu');
      expect(d.query).toBe('x=1');
      const names = d.headers.map(([name]) => name);
      expect(names.indexOf('X-Zeta')).toBeLessThan(names.indexOf('Sign'));
      expect(names.indexOf('Sign')).toBeLessThan(names.indexOf('x-zeta'));
      // Any Host is accepted: a tunnel rewrites it.
      expect(d.headers).toContainEqual(['Host', 'tunnel.example']);
    });

    it('answers a sender that half-closes after its request, once the delivery is committed', async () => {
      const port = new URL(gw.webhookBaseUrl).port;
      const raw = await new Promise<string>((resolve, reject) => {
        // end(): the request and a FIN together, as some HTTP clients send a last request.
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.end('POST /webhooks/paychant HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
        });
        let text = '';
        socket.on('data', (chunk) => (text += chunk));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1.1 200/);
      const id = (JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { id: string }).id;
      expect((await detail(id)).body).toBe('{}');
    });

    it('stores a non-UTF-8 body byte for byte and flags it, still answering 200', async () => {
      const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0x7d]);
      const response = await gw.post('/webhooks/instap', bytes);
      expect(response.status).toBe(200);
      const d = await detail(((await response.json()) as { id: string }).id);
      expect(d.body).toBeNull();
      expect([...Buffer.from(d.bodyBase64, 'base64')]).toEqual([...bytes]);
      expect(d.parseError).toMatch(/UTF-8/i);
    });

    it('flags malformed JSON and a wrong content-type but keeps them', async () => {
      const bad = await gw.post('/webhooks/paychant', '{"event": ');
      expect(bad.status).toBe(200);
      expect((await detail(((await bad.json()) as { id: string }).id)).parseError).toMatch(/not (valid )?JSON/i);
      const text = await gw.post('/webhooks/paychant', '{"a":1}', { 'content-type': 'text/plain' });
      expect((await detail(((await text.json()) as { id: string }).id)).parseError).toMatch(/content-type/i);
    });

    it('stores unknown providers as unknown and answers 404', async () => {
      const response = await gw.post('/webhooks/stripe', '{}');
      expect(response.status).toBe(404);
      const { id } = (await response.json()) as { id: string };
      expect((await detail(id)).provider).toBe('unknown');
      const traversal = await gw.post('/webhooks/../x', '{}');
      expect(traversal.status).toBe(404);
    });

    it('answers 405 to anything but POST, and records the attempt', async () => {
      const response = await fetch(`${gw.webhookBaseUrl}/webhooks/paychant`);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      const { id } = (await response.json()) as { id: string };
      const d = await detail(id);
      expect(d.method).toBe('GET');
      expect(d.rejected?.httpStatus).toBe(405);
    });

    it('records X-Forwarded-* only once the user says the listener sits behind a tunnel', async () => {
      const forwarded = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };
      const before = ((await (await gw.post('/webhooks/paychant', '{"n":1}', forwarded)).json()) as { id: string }).id;
      expect((await detail(before)).forwarded).toBeNull();
      expect((await gw.api('listener.configure', { trustForwardedHeaders: true })).status).toBe(200);
      const after = ((await (await gw.post('/webhooks/paychant', '{"n":2}', forwarded)).json()) as { id: string }).id;
      expect((await detail(after)).forwarded).toEqual({ for: '203.0.113.7', proto: 'https', host: null });
    });

    it('refuses a body over the limit with 413 and records the attempt without the body', async () => {
      const response = await gw.post('/webhooks/paychant', 'x'.repeat(5000));
      expect(response.status).toBe(413);
      const { id } = (await response.json()) as { id: string };
      const d = await detail(id);
      expect(d.rejected?.httpStatus).toBe(413);
      expect(d.size).toBe(5000);
      expect(d.bodyBase64).toBe('');
      expect(d.headers.length).toBeGreaterThan(0);
    });

    it('links an identical body from the same provider to the first as a duplicate', async () => {
      const body = '{"event":"PAYMENT_COMPLETED","data":{"pid":"p-1"}}';
      const first = ((await (await gw.post('/webhooks/paychant', body)).json()) as { id: string }).id;
      const second = ((await (await gw.post('/webhooks/paychant', body)).json()) as { id: string }).id;
      expect((await detail(second)).duplicateOf).toBe(first);
      expect((await detail(first)).duplicates).toEqual([second]);
    });

    it('commits concurrent deliveries in groups and answers each one', async () => {
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => gw.post('/webhooks/paychant', JSON.stringify({ event: 'CREATED', n: i }))));
      const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id));
      expect(new Set(ids).size).toBe(50);
      expect((await gw.gatewatch.store.deliveries.counts()).total).toBe(50);
    });
  });
});
