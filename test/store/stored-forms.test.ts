import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { decodeDelivery, encodeDelivery } from '../../src-main/store/codec/stored-forms.js';
import { instapDeposit, openxswitchSwap } from '../providers/fixtures.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('stored forms', () => {
  const headers: Array<[string, string]> = [
    ['Content-Type', 'application/json'],
    ['X-Webhook-Signature', 'ab'.repeat(32)],
    ['x-dup', 'one'],
    ['x-dup', 'two ünïcode'],
  ];
  const detail = {
    verification: { status: 'valid', candidatesTried: ['raw bytes'] },
    normalized: { amounts: [{ value: '0.000000000000000001', currency: 'ETH' }] },
    schemaIssues: ['ß'],
    correlationKeys: [{ kind: 'pid', value: 'p-1' }],
  };

  it('gives back the exact headers and body bytes, whatever the body, with or without derived JSON', () => {
    const bodies: Array<Uint8Array | null> = [
      Buffer.from(openxswitchSwap),
      Buffer.from(instapDeposit),
      Buffer.alloc(0),
      null,
      randomBytes(3000), // not UTF-8, not compressible: kept as is
      Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0x00, 0xff]), // BOM, NUL, invalid UTF-8
      Buffer.from('{"a":1}\r\n'.repeat(20_000)), // large
    ];
    for (const body of bodies) {
      for (const withDetail of [null, detail]) {
        const back = decodeDelivery(encodeDelivery({ headers, body, detail: withDetail }));
        expect(back.headers).toEqual(headers);
        expect(back.detail).toEqual(withDetail);
        if (body === null) expect(back.body).toBeNull();
        else expect(sha(back.body!)).toBe(sha(body));
      }
    }
  });

  it('is much smaller than the request for a provider payload, and at most a few bytes larger for random bytes', () => {
    const body = Buffer.from(openxswitchSwap);
    const raw = body.byteLength + JSON.stringify(headers).length;
    expect(encodeDelivery({ headers, body, detail: null }).byteLength).toBeLessThan(raw * 0.7);
    const noise = randomBytes(2000);
    expect(encodeDelivery({ headers: [], body: noise, detail: null }).byteLength).toBeLessThanOrEqual(noise.byteLength + 1 + 9 + 2);
  });

  it('keeps numbers and text of derived JSON exact', () => {
    expect(decodeDelivery(encodeDelivery({ headers: [], body: null, detail })).detail).toEqual(detail);
  });

  it('refuses a form it does not know, in words', () => {
    expect(() => decodeDelivery(Buffer.of(9, 1, 2))).toThrow(/unknown stored form 9/);
  });
});
