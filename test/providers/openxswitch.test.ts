import { describe, it, expect } from 'vitest';
import { openxswitchAdapter as adapter } from '../../src-main/providers/openxswitch/index.js';
import { delivery, hmacB64, hmacHex, sha256Hex } from './helpers.js';
import { openxswitchSwap } from './fixtures.js';

const secret = { label: 'production', value: 'oxs_whsec_9b8a7c6d5e4f' };
const body = openxswitchSwap;

describe('openxswitch verify (recipe unconfirmed)', () => {
  const cases = [
    { name: 'HMAC-SHA256 hex (assumed first)', sig: hmacHex('sha256', secret.value, body), status: 'valid', matched: 'raw bytes (HMAC-SHA256, hex)' },
    { name: 'HMAC-SHA256 base64', sig: hmacB64('sha256', secret.value, body), status: 'valid', matched: 'raw bytes (HMAC-SHA256, base64)' },
    {
      name: 'a plain SHA-256 matches: reported, but proves nothing about the sender',
      sig: sha256Hex(body),
      status: 'unsupported',
      matched: 'raw bytes (plain SHA256, hex)',
      diagnosis: 'uses no secret',
    },
    {
      name: 'wrong secret',
      sig: hmacHex('sha256', 'another', body),
      status: 'invalid',
      diagnosis: "the configured secret 'production' does not produce this signature over the exact body",
    },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const result = adapter.verify(delivery(body, { 'x-webhook-signature': c.sig }), [secret]);
      expect(result.status).toBe(c.status);
      expect(result.assumption).toContain('HMAC-SHA256 hex over the raw body is assumed');
      if ('matched' in c) expect(result.matched).toBe(c.matched);
      if ('diagnosis' in c) expect(result.diagnosis).toContain(c.diagnosis);
    });
  }

  it('missing header', () => {
    expect(adapter.verify(delivery(body), [secret])).toMatchObject({ status: 'unsigned', diagnosis: 'signature header X-Webhook-Signature missing' });
  });

  it('signWebhook uses the assumed recipe and verifies', () => {
    const headers = adapter.signWebhook(Buffer.from(body), secret);
    expect(headers).toEqual({ 'X-Webhook-Signature': hmacHex('sha256', secret.value, body) });
  });
});

describe('openxswitch events', () => {
  it('instant swap: exact amounts, ids, wallet', () => {
    const parsed = adapter.parse(delivery(body));
    expect(parsed.schemaIssues).toEqual([]);
    expect(parsed).toMatchObject({ eventType: 'instant_swap.completed', eventId: 'ab67d4be56d4d549f59b92a17fd71b' });
    const event = adapter.normalize(parsed);
    expect(event).toMatchObject({ status: 'completed', providerStatus: 'success', direction: 'swap' });
    expect(event.amounts).toEqual([
      { role: 'from', value: '2', currency: 'USDT' },
      { role: 'to', value: '7.55102795', currency: 'TRX' },
      { role: 'fee', value: '0', currency: null },
      // seed 002: "Effective price of the swap (toAmount / fromAmount)", so TRX per USDT.
      { role: 'swap price', value: '3.77551398', currency: 'TRX/USDT' },
    ]);
    expect(event.parties).toContainEqual({ role: 'wallet owner', kind: 'email', value: 'email@openxswitch.com' });
    expect(adapter.correlationKeys(parsed)).toEqual([
      { kind: 'swapId', value: '68180c09b19304fc881991c2' },
      { kind: 'quoteId', value: '1305237885725507584' },
      { kind: 'walletId', value: '6812c4977de20fb535e5bdee' },
      { kind: 'walletId', value: '6812b103908d2d0d49c7ff79' },
    ]);
  });

  it('instant-swap.completed (newer spelling) is the same event', () => {
    const parsed = adapter.parse(delivery(body.replace('instant_swap.completed', 'instant-swap.completed')));
    expect(parsed.eventType).toBe('instant_swap.completed');
    expect(parsed.schemaIssues).toEqual([]);
    expect(adapter.normalize(parsed).status).toBe('completed');
  });

  const methods = [
    ['deposit.pending', 'pending', 'pending', 'deposit'],
    ['deposit.accepted', 'pending', 'confirming', 'deposit'],
    ['deposit.updated', 'success', 'completed', 'deposit'],
    ['deposit.success', 'success', 'completed', 'deposit'],
    ['withdraw.unconfirmed', 'pending', 'confirming', 'withdrawal'],
    ['withdraw.confirmed', 'success', 'completed', 'withdrawal'],
    ['internal_transfer.initiated', 'pending', 'pending', 'transfer'],
    ['internal_transfer.completed', 'success', 'completed', 'transfer'],
    ['smart-accounts:deposit', 'pending', 'pending', 'deposit'],
    ['smart-accounts:withdraw', 'success', 'completed', 'withdrawal'],
    ['smart-accounts:wallets', null, 'info', 'unknown'],
  ] as const;
  for (const [method, paramsStatus, status, direction] of methods) {
    it(`${method} → ${status}`, () => {
      const params = {
        id: '6819aa01b19304fc88199000',
        coin: 'USDT',
        amount: '12.500000',
        chain: 'TRON',
        status: paramsStatus,
        toAddress: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE',
        walletId: '6812c4977de20fb535e5bdee',
        clientTxId: 'client-77',
      };
      const parsed = adapter.parse(delivery(JSON.stringify({ requestId: 'req-1', method, timestamp: 1746918883356, params })));
      expect(parsed.eventType).toBe(method);
      expect(parsed.schemaIssues).toEqual([]);
      const event = adapter.normalize(parsed);
      expect(event).toMatchObject({ status, direction });
      if (!method.startsWith('smart-accounts:wallets')) expect(event.amounts).toContainEqual({ role: 'amount', value: '12.500000', currency: 'USDT' });
      expect(adapter.correlationKeys(parsed)).toContainEqual({ kind: 'clientTxId', value: 'client-77' });
    });
  }
});
