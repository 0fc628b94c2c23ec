import { describe, it, expect } from 'vitest';
import { paychantAdapter as adapter } from '../../src-main/providers/paychant/index.js';
import { eventTypes } from '../../src-shared/providers/event-types.js';
import { delivery, hmacHex } from './helpers.js';
import { paychantEvent } from './fixtures.js';

const production = { label: 'production', value: 'pch_live_5a1f0e9c3b7d' };
const sandbox = { label: 'sandbox', value: 'pch_test_0d2e4f6a8b1c' };
const compact = JSON.stringify(paychantEvent);
const pretty = JSON.stringify(paychantEvent, null, 2);
const sign = (content: string, secret = production.value): string => hmacHex('sha512', secret, content);

describe('paychant verify', () => {
  const cases = [
    {
      name: 'exact raw bytes (PHP sample: php://input)',
      body: compact,
      headers: { 'paychant-signature': sign(compact) },
      status: 'valid',
      matched: 'raw bytes',
    },
    {
      name: 'pretty-printed on the wire, signed compact (Node sample: JSON.stringify(req.body))',
      body: pretty,
      headers: { 'Paychant-Signature': sign(compact) },
      status: 'valid',
      matched: 'JS-style JSON',
      diagnosis: 'body was re-serialized before signing (JS-style JSON)',
    },
    {
      name: 'the sandbox secret matches',
      body: compact,
      headers: { 'paychant-signature': sign(compact, sandbox.value) },
      status: 'valid',
      label: 'sandbox',
      diagnosis: "the 'sandbox' secret matches",
    },
    {
      name: 'tampered amount',
      body: compact.replace('149241', '149242'),
      headers: { 'paychant-signature': sign(compact) },
      status: 'invalid',
      diagnosis: 'body was changed',
    },
    { name: 'header missing', body: compact, headers: {}, status: 'unsigned', diagnosis: 'signature header paychant-signature missing' },
    {
      name: 'only x-paychant-signature (SHA-256) is present: not accepted',
      body: compact,
      headers: { 'x-paychant-signature': hmacHex('sha256', production.value, compact) },
      status: 'unsigned',
      diagnosis: 'x-paychant-signature / SHA-256 is not accepted',
    },
    {
      name: 'body is not JSON',
      body: '<html>502 Bad Gateway</html>',
      headers: { 'paychant-signature': sign(compact) },
      status: 'invalid',
      diagnosis: 'body is not JSON, so re-serialized forms could not be tried',
    },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const result = adapter.verify(delivery(c.body, c.headers), [production, sandbox]);
      expect(result.status).toBe(c.status);
      if ('matched' in c) expect(result.matched).toBe(c.matched);
      if ('label' in c) expect(result.secretLabel).toBe(c.label);
      if ('diagnosis' in c) expect(result.diagnosis).toContain(c.diagnosis);
    });
  }

  it('signWebhook: hex HMAC-SHA512 of the raw bytes', () => {
    expect(adapter.signWebhook(Buffer.from(pretty), production)).toEqual({ 'paychant-signature': sign(pretty) });
  });
});

describe('paychant events', () => {
  const expected: Record<string, string> = {
    CREATED: 'created',
    AWAITING_PAYMENT: 'pending',
    PAYMENT_CONFIRMED: 'confirming',
    PAYMENT_COMPLETED: 'completed',
    PAYMENT_INSUFFICIENT: 'underpaid',
    PAYMENT_TIMEOUT: 'expired',
    PAYMENT_FAILED: 'failed',
    PROCESSING: 'confirming',
    COMPLETE: 'completed',
    FAILED: 'failed',
  };
  for (const { type } of eventTypes.paychant) {
    for (const [event, action, direction] of [
      [`WIDGET.${type}`, 'BUY', 'deposit'],
      [type, 'SELL', 'withdrawal'],
    ] as const) {
      it(`${event} (${action})`, () => {
        const body = JSON.stringify({ event, data: { ...paychantEvent.data, action } });
        const parsed = adapter.parse(delivery(body));
        expect(parsed.schemaIssues).toEqual([]);
        expect(parsed.eventType).toBe(type);
        expect(parsed.eventId).toBe(`8847431020:${type}`);
        expect(adapter.normalize(parsed)).toMatchObject({ status: expected[type], providerStatus: event, direction });
      });
    }
  }

  it('amounts, parties and correlation keys', () => {
    const parsed = adapter.parse(delivery(compact));
    const event = adapter.normalize(parsed);
    expect(event.amounts).toEqual([
      { role: 'fiat', value: '149241', currency: 'NGN' },
      { role: 'asset', value: '300', currency: 'CUSD' },
      { role: 'exchangeRate', value: '497.47', currency: 'NGN/CUSD' },
    ]);
    // cryptoAddress '---' is a placeholder and is skipped
    expect(event.parties).toEqual([{ role: 'user', kind: 'wallet', value: '0xCd96602dBbeE307a1d50cb074C294847aB4702FB' }]);
    expect(adapter.correlationKeys(parsed)).toEqual([
      { kind: 'pid', value: '8847431020' },
      { kind: 'transactionRef', value: '7CMJS1Q90GS79AA' },
    ]);
  });

  it('an unknown code is kept', () => {
    const parsed = adapter.parse(delivery(JSON.stringify({ event: 'WIDGET.REFUND_ISSUED', data: paychantEvent.data })));
    expect(parsed.eventType).toBe('REFUND_ISSUED');
    expect(adapter.normalize(parsed).status).toBe('unknown');
  });
});

describe('paychant event codes', () => {
  it('drops the prefix and canonicalises known codes, and keeps an unknown code as received', () => {
    const parse = (event: string) => adapter.parse(delivery(JSON.stringify({ event, data: { pid: '1' } }))).eventType;
    expect(parse('widget.payment_completed')).toBe('PAYMENT_COMPLETED');
    expect(parse('WIDGET.CREATED')).toBe('CREATED');
    expect(parse('refund_requested')).toBe('refund_requested');
  });
});
