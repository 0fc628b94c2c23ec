import { describe, it, expect } from 'vitest';
import { calypsoAdapter as adapter, signCalypsoBody, calypsoRequestHeaders } from '../../src-main/providers/calypso/index.js';
import { eventTypes } from '../../src-shared/providers/event-types.js';
import { delivery, hmacHex } from './helpers.js';
import { calypsoInvoiceCreated } from './fixtures.js';
import { calypsoEnvelope, calypsoEventData } from './calypso-events.js';

const subA = { label: 'subscription A', value: 'b823a6b9ea72408583cef9ec8d67fa52', key: 'pk_live_A1' };
const subB = { label: 'subscription B', value: '0c41f2d8e9a7465b9b1e6f3a2d5c8e71', key: 'pk_live_B2' };
const sign = (body: string, secret: string): string => hmacHex('sha512', secret, body);

describe('calypso signing', () => {
  it('matches the documented test vector ({"timestamp":1} → b16e9d45f49f…)', () => {
    const signature = signCalypsoBody('{"timestamp":1}', 'b823a6b9ea72408583cef9ec8d67fa52');
    expect(signature).toMatch(/^b16e9d45f49f[0-9a-f]{116}$/);
  });

  it('request headers carry Key and Sign over the exact body string', () => {
    const body = '{"timestamp":1700000000000,"account":"0x0000000000000000000000000000000000000001","payload":{}}';
    const headers = calypsoRequestHeaders(body, { publicKey: 'pk_live_A1', secretKey: subA.value });
    expect(headers).toMatchObject({ Key: 'pk_live_A1', Sign: sign(body, subA.value) });
  });

  it('signWebhook adds Key when the secret has one, and verifies', () => {
    const body = Buffer.from(calypsoInvoiceCreated);
    const headers = adapter.signWebhook(body, subA);
    expect(headers).toEqual({ Sign: sign(calypsoInvoiceCreated, subA.value), Key: 'pk_live_A1' });
    expect(adapter.verify({ headers: Object.entries(headers), body }, [subB, subA])).toMatchObject({
      status: 'valid',
      secretLabel: 'subscription A',
      matched: 'raw bytes',
    });
  });
});

describe('calypso verify', () => {
  const body = calypsoInvoiceCreated;
  const cases = [
    {
      name: 'exact bytes, secret chosen by Key',
      headers: { Sign: sign(body, subA.value), Key: 'pk_live_A1' },
      status: 'valid',
      matched: 'raw bytes',
      label: 'subscription A',
    },
    { name: 'no Key header: every secret is tried', headers: { sign: sign(body, subB.value) }, status: 'valid', matched: 'raw bytes', label: 'subscription B' },
    {
      name: 'Key names A but B signed: reported, not accepted',
      headers: { Sign: sign(body, subB.value), Key: 'pk_live_A1' },
      status: 'invalid',
      label: 'subscription B',
      diagnosis: "signed with a different secret: the 'subscription B' secret matches, but the Key header selects 'subscription A'",
    },
    {
      name: 'Key matches no configured secret',
      headers: { Sign: sign(body, subB.value), Key: 'pk_unknown' },
      status: 'valid',
      label: 'subscription B',
      diagnosis: "the Key header matches no configured secret's key",
    },
    {
      name: 'tampered body',
      headers: { Sign: sign(body.replace('0.01', '10'), subA.value), Key: 'pk_live_A1' },
      status: 'invalid',
      diagnosis: 'body was changed',
    },
    { name: 'Sign missing', headers: { Key: 'pk_live_A1' }, status: 'unsigned', diagnosis: 'signature header Sign missing' },
    {
      name: 'Sign not hex',
      headers: { Sign: 'not-a-signature', Key: 'pk_live_A1' },
      status: 'invalid',
      diagnosis: 'is not shaped like hex HMAC-SHA512 (128 characters)',
    },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const result = adapter.verify(delivery(body, c.headers), [subA, subB]);
      expect(result.status).toBe(c.status);
      if ('matched' in c) expect(result.matched).toBe(c.matched);
      if ('label' in c) expect(result.secretLabel).toBe(c.label);
      if ('diagnosis' in c) expect(result.diagnosis).toContain(c.diagnosis);
    });
  }

  it('a body re-serialized after signing is explained', () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const result = adapter.verify(delivery(pretty, { Sign: sign(body, subA.value), Key: 'pk_live_A1' }), [subA]);
    expect(result).toMatchObject({ status: 'valid', matched: 'JS-style JSON' });
    expect(result.diagnosis).toContain('body was re-serialized before signing (JS-style JSON)');
  });

  it('a body with a trailing newline signed without it', () => {
    const result = adapter.verify(delivery(`${body}\n`, { Sign: sign(body, subA.value) }), [subA]);
    expect(result).toMatchObject({ status: 'valid', matched: 'raw bytes without trailing newline/BOM' });
  });
});

describe('calypso events', () => {
  const documented = eventTypes.calypso.map((e) => e.type);

  it('the fixture covers every event type of seed 003', () => {
    expect(Object.keys(calypsoEventData).sort()).toEqual([...documented].sort());
    expect(documented).toHaveLength(27);
  });

  for (const type of documented) {
    it(`${type} parses, normalizes and correlates`, () => {
      const parsed = adapter.parse(delivery(calypsoEnvelope(type, calypsoEventData[type]!)));
      expect(parsed.parseError).toBeNull();
      expect(parsed.schemaIssues).toEqual([]);
      expect(parsed.eventType).toBe(type);
      expect(parsed.eventId).toBe('1042');
      const event = adapter.normalize(parsed);
      expect(event.status).not.toBe('unknown');
      expect(event.direction).not.toBe('unknown');
      expect(adapter.correlationKeys(parsed).length).toBeGreaterThan(0);
    });
  }

  it('the seed sample: invoice keys, exact amount, lowercase fiatcurrency tolerated', () => {
    const parsed = adapter.parse(delivery(calypsoInvoiceCreated));
    expect(parsed.schemaIssues).toEqual([]);
    expect(adapter.normalize(parsed)).toMatchObject({
      eventType: 'INVOICE_CREATE_INVOICE',
      status: 'created',
      direction: 'deposit',
      amounts: [{ role: 'amount', value: '0.01', currency: 'ETH' }],
    });
    expect(adapter.correlationKeys(parsed)).toEqual([
      { kind: 'invoiceId', value: '3' },
      { kind: 'idempotencyKey', value: '5b0ca8da-6af4-4a1c-9efd-5cbfc19ace09' },
    ]);
  });

  it('fiat amounts per currency keep their exact text; transaction ids expand', () => {
    const raw = calypsoEnvelope('INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED', calypsoEventData.INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED!);
    const parsed = adapter.parse(delivery(raw));
    expect(adapter.normalize(parsed).amounts).toEqual([
      { role: 'amount', value: '36.85', currency: 'USDT_TRX' },
      { role: 'fee', value: '0.37', currency: 'USDT_TRX' },
      { role: 'fiat', value: '31.994837336', currency: 'EUR' },
      { role: 'fiat', value: '36.844106264', currency: 'USD' },
    ]);
    const keys = adapter.correlationKeys(parsed);
    expect(keys).toContainEqual({ kind: 'transactionId', value: '5521' });
    expect(keys).toContainEqual({ kind: 'transactionId', value: '5522' });
  });

  it('payout status words are shown as received', () => {
    const parsed = adapter.parse(delivery(calypsoEnvelope('PAYOUT_CHANGE_STATUS', calypsoEventData.PAYOUT_CHANGE_STATUS!)));
    expect(adapter.normalize(parsed)).toMatchObject({ providerStatus: 'PROCESSING', direction: 'payout' });
    expect(adapter.correlationKeys(parsed)).toContainEqual({ kind: 'payoutId', value: '41' });
  });

  it('an unknown event type is kept with its type and described, not rejected', () => {
    const parsed = adapter.parse(delivery(calypsoEnvelope('INVOICE_SOMETHING_NEW', { parentExternalId: 9, extra: { nested: true } })));
    expect(parsed.parseError).toBeNull();
    expect(parsed.eventType).toBe('INVOICE_SOMETHING_NEW');
    expect(parsed.schemaIssues).toEqual(["event type 'INVOICE_SOMETHING_NEW' is not in the provider's documents: kept as received"]);
    expect(adapter.normalize(parsed)).toMatchObject({ status: 'unknown', eventType: 'INVOICE_SOMETHING_NEW' });
  });

  it('a wrongly typed field is a schema issue, not a rejection', () => {
    const parsed = adapter.parse(delivery(calypsoEnvelope('INVOICE_PAID', { amount: true, parentExternalId: 3 })));
    expect(parsed.eventType).toBe('INVOICE_PAID');
    expect(parsed.schemaIssues.some((i) => i.startsWith('data.amount:'))).toBe(true);
  });
});
