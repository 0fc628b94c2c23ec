/**
 * A fake Calypso API: checks `Key`, then `Sign` = hex HMAC-SHA512 of the exact bytes received
 * with the secret key, then the body's timestamp (±3 min), then idempotencyKey reuse.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { jsonOf, startFakeServer, type FakeServer } from './fake-http.js';

export async function startCalypsoFake(options: { publicKey: string; secretKey: string }): Promise<FakeServer> {
  const used = new Set<string>();
  let counter = 0;
  return startFakeServer((request) => {
    if (request.headers.key !== options.publicKey) return { status: 400, body: { code: '002', message: 'invalid api key' } };
    const expected = Buffer.from(createHmac('sha512', options.secretKey).update(request.body).digest('hex'));
    const received = Buffer.from(String(request.headers.sign ?? ''));
    if (expected.length !== received.length || !timingSafeEqual(expected, received)) return { status: 400, body: { code: '003', message: 'wrong sign' } };
    const body = jsonOf(request) ?? {};
    if (typeof body.timestamp !== 'number' || Math.abs(Date.now() - body.timestamp) > 180_000)
      return { status: 400, body: { code: '011', message: 'invalid timestamp' } };
    const payload = (body.payload ?? {}) as Record<string, unknown>;
    if (request.path.endsWith('/create')) {
      const key = String(payload.idempotencyKey);
      if (used.has(key)) return { status: 400, body: { code: '016', message: 'idempotencyKey already exists' } };
      used.add(key);
      counter += 1;
      return { status: 200, body: { id: `inv-${counter}`, address: '0x9f2c4e1a7b3d5f6e8a0c2d4e6f8a0b1c3d5e7f90', state: 'PENDING' } };
    }
    if (request.path === '/api/v1/invoice') return { status: 200, body: { id: payload.id, state: 'PAID' } };
    return { status: 404, body: { message: 'no route' } };
  });
}
