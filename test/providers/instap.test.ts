import { describe, it, expect } from 'vitest';
import { instapAdapter as adapter, instapPayloadHash, instapRequestHeaders } from '../../src-main/providers/instap/index.js';
import { delivery, hmacB64, hmacHex } from './helpers.js';
import { instapDeposit } from './fixtures.js';

const secret = { label: 'production', value: 'instap-hmac-2f6e0c1d9a' };
const old = { label: 'before rotation', value: 'instap-hmac-old-771' };

describe('instap request signing (confirmed)', () => {
  it('x-payload-hash is base64 HMAC-SHA512 of the exact body string', () => {
    const body = JSON.stringify({ userId: 'user-4411', userName: 'zoe.m', minPaymentAmountInUSD: 0.5 });
    expect(instapPayloadHash(body, secret.value)).toBe(hmacB64('sha512', secret.value, body));
    expect(instapRequestHeaders(body, { apiKey: 'k', hmacSecret: secret.value })).toMatchObject({
      'x-api-key': 'k',
      'x-payload-hash': hmacB64('sha512', secret.value, body),
    });
  });
});

describe('instap notification verify (algorithm assumed)', () => {
  const cases = [
    {
      name: 'base64 over exact bytes (assumed)',
      sig: hmacB64('sha512', secret.value, instapDeposit),
      status: 'valid',
      matched: 'raw bytes (HMAC-SHA512, base64)',
    },
    { name: 'hex over exact bytes', sig: hmacHex('sha512', secret.value, instapDeposit), status: 'valid', matched: 'raw bytes (HMAC-SHA512, hex)' },
    {
      name: 'signed with the pre-rotation secret',
      sig: hmacB64('sha512', old.value, instapDeposit),
      status: 'valid',
      label: 'before rotation',
    },
    { name: 'tampered', sig: hmacB64('sha512', secret.value, instapDeposit.replace('170.00', '1700.00')), status: 'invalid', diagnosis: 'body was changed' },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const result = adapter.verify(delivery(instapDeposit, { 'X-Payload-Hash': c.sig }), [secret, old]);
      expect(result.status).toBe(c.status);
      expect(result.assumption).toContain('HMAC-SHA512 in base64');
      if ('matched' in c) expect(result.matched).toBe(c.matched);
      if ('label' in c) expect(result.secretLabel).toBe(c.label);
      if ('diagnosis' in c) expect(result.diagnosis).toContain(c.diagnosis);
    });
  }

  it('a body that is empty', () => {
    const result = adapter.verify(delivery('', { 'x-payload-hash': hmacB64('sha512', secret.value, 'x') }), [secret]);
    expect(result.status).toBe('invalid');
    expect(result.diagnosis).toContain('body is not JSON, so re-serialized forms could not be tried (body is empty)');
  });
});

describe('instap events', () => {
  it('deposit: exact amounts, parties, keys, candidate session token', () => {
    const parsed = adapter.parse(delivery(instapDeposit));
    expect(parsed.schemaIssues).toEqual([]);
    expect(parsed.eventType).toBe('depositEventObject');
    expect(parsed.eventId).toBe('9f2c4e1ab7d3508e6c1f0a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d:correct');
    const event = adapter.normalize(parsed);
    expect(event).toMatchObject({ status: 'completed', providerStatus: 'correct', direction: 'deposit' });
    expect(event.amounts.slice(0, 4)).toEqual([
      { role: 'blockchain', value: '170.00', currency: 'USDT_TRON' },
      { role: 'converted', value: '170.00', currency: 'USD' },
      { role: 'converted', value: '156.91', currency: 'EUR' },
      { role: 'paid (USD)', value: '170.00', currency: 'USD' },
    ]);
    expect(event.parties).toEqual([
      { role: 'depositor', kind: 'user', value: 'user-4411' },
      { role: 'depositor', kind: 'name', value: 'zoe.m' },
    ]);
    expect(adapter.correlationKeys(parsed)).toEqual([
      { kind: 'userId', value: 'user-4411' },
      { kind: 'blockChainTxId', value: '9f2c4e1ab7d3508e6c1f0a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d' },
      { kind: 'sessionToken', value: 'OP7Q2X9K4M1Z' },
    ]);
  });

  it('an unknown token-like field is offered as a candidate session token', () => {
    const parsed = adapter.parse(delivery(instapDeposit.replace('"operationNo"', '"ref"')));
    expect(adapter.correlationKeys(parsed)).toContainEqual({ kind: 'candidateSessionToken', value: 'OP7Q2X9K4M1Z' });
  });

  for (const [word, status] of [
    ['underpaid', 'underpaid'],
    ['overpaid', 'overpaid'],
    ['correct', 'completed'],
  ] as const) {
    it(`paymentStatus ${word} → ${status}`, () => {
      const parsed = adapter.parse(delivery(instapDeposit.replace('"paymentStatus":"correct"', `"paymentStatus":"${word}"`)));
      expect(adapter.normalize(parsed).status).toBe(status);
    });
  }
});
