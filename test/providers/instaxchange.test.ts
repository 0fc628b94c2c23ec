import { describe, it, expect } from 'vitest';
import { instaxchangeAdapter as adapter } from '../../src-main/providers/instaxchange/index.js';
import { delivery, jsRecursivelySorted, jsTopLevelSorted, md5Hex, phpFromJs } from './helpers.js';
import { instaxchangeCompleted, instaxchangeFailed } from './fixtures.js';

const SECRET = 'ixw_live_3f9a1c7e5b2d';
const secrets = [{ label: 'production', value: SECRET }];
const sig = (content: string, secret = SECRET): string => md5Hex(`${content}:${secret}`);
const js = jsTopLevelSorted(instaxchangeCompleted);

describe('instaxchange verify', () => {
  const cases = [
    {
      name: 'JS-style, top-level sorted (the TypeScript sample)',
      header: sig(js),
      status: 'valid',
      matched: 'JS-style JSON, top-level keys sorted',
    },
    {
      name: 'PHP-style with JSON_UNESCAPED_SLASHES (the PHP sample), non-ASCII escaped',
      header: sig(phpFromJs(js, false)),
      status: 'valid',
      matched: 'PHP-style JSON, unescaped slashes, top-level keys sorted',
      diagnosis: 'non-ASCII characters escaped PHP-style',
    },
    {
      name: "PHP-style default escaping ('/' as '\\/')",
      header: sig(phpFromJs(js, true)),
      status: 'valid',
      matched: 'PHP-style JSON, top-level keys sorted',
      diagnosis: "'/' escaped as '\\/'",
    },
    {
      name: 'recursively sorted, as a last fallback',
      header: sig(jsRecursivelySorted(instaxchangeCompleted)),
      status: 'valid',
      matched: 'JS-style JSON, keys sorted recursively',
    },
    {
      name: 'the exact raw bytes',
      header: sig(instaxchangeCompleted),
      status: 'valid',
      matched: 'raw bytes',
    },
    {
      name: 'header name in another case (X-Instaxwh-Key), hex in upper case',
      headerName: 'X-Instaxwh-Key',
      header: sig(js).toUpperCase(),
      status: 'valid',
      matched: 'JS-style JSON, top-level keys sorted',
    },
    {
      name: 'a wrong secret',
      header: sig(js, 'some-other-secret'),
      status: 'invalid',
      diagnosis: "the configured secret 'production' does not produce this signature",
    },
  ] as const;

  for (const c of cases) {
    it(c.name, () => {
      const name = 'headerName' in c ? c.headerName : 'X-InstaXWH-KEY';
      const result = adapter.verify(delivery(instaxchangeCompleted, { [name]: c.header }), secrets);
      expect(result.status).toBe(c.status);
      if ('matched' in c) expect(result.matched).toBe(c.matched);
      if ('diagnosis' in c) expect(result.diagnosis).toContain(c.diagnosis);
      if (c.status === 'valid') expect(result.secretLabel).toBe('production');
    });
  }

  it('tries JS-style first, then PHP-style, recursive sort last', () => {
    const result = adapter.verify(delivery(instaxchangeCompleted, { 'X-InstaXWH-KEY': 'f'.repeat(32) }), secrets);
    expect(result.status).toBe('invalid');
    expect(result.candidatesTried[0]).toBe('JS-style JSON, top-level keys sorted');
    expect(result.candidatesTried[1]).toBe('PHP-style JSON, unescaped slashes, top-level keys sorted');
    expect(result.candidatesTried.at(-1)).toBe('PHP-style JSON, keys sorted recursively');
  });

  it('detects a tampered body', () => {
    const tampered = instaxchangeCompleted.replace('"amountInFiat":3.74', '"amountInFiat":374');
    const result = adapter.verify(delivery(tampered, { 'X-InstaXWH-KEY': sig(js) }), secrets);
    expect(result.status).toBe('invalid');
    expect(result.diagnosis).toContain('body was changed after it was signed');
  });

  it('names the other configured secret that matches', () => {
    const sandbox = { label: 'sandbox', value: 'ixw_sandbox_77aa' };
    const result = adapter.verify(delivery(instaxchangeCompleted, { 'X-InstaXWH-KEY': sig(js, sandbox.value) }), [...secrets, sandbox]);
    expect(result.status).toBe('valid');
    expect(result.secretLabel).toBe('sandbox');
    expect(result.diagnosis).toContain("signed with a different secret: the 'sandbox' secret matches");
  });

  it('reports a missing header as unsigned', () => {
    const result = adapter.verify(delivery(instaxchangeCompleted), secrets);
    expect(result.status).toBe('unsigned');
    expect(result.diagnosis).toBe('signature header X-InstaXWH-KEY missing');
    expect(result.scheme?.algorithm).toBe('MD5');
  });

  it('reports no-secret with the scheme when nothing is configured', () => {
    const result = adapter.verify(delivery(instaxchangeCompleted, { 'X-InstaXWH-KEY': sig(js) }), []);
    expect(result.status).toBe('no-secret');
    expect(result.scheme?.header).toBe('X-InstaXWH-KEY');
  });

  it('a secret pasted with surrounding whitespace is invalid, with advice to trim it', () => {
    const result = adapter.verify(delivery(instaxchangeCompleted, { 'X-InstaXWH-KEY': sig(js) }), [{ label: 'production', value: ` ${SECRET}\n` }]);
    expect(result.status).toBe('invalid');
    expect(result.diagnosis).toContain("the configured secret 'production' has surrounding whitespace — trim it in settings");
  });

  it('a body that is not JSON: only raw forms are tried, and it says so', () => {
    const result = adapter.verify(delivery('amount=3.74&status=completed', { 'X-InstaXWH-KEY': sig('x') }), secrets);
    expect(result.status).toBe('invalid');
    expect(result.candidatesTried).toEqual(['raw bytes']);
    expect(result.diagnosis).toContain('body is not JSON, so re-serialized forms could not be tried');
  });

  it('signWebhook produces what verify checks first', () => {
    const body = Buffer.from(instaxchangeCompleted);
    const headers = adapter.signWebhook(body, secrets[0]!);
    expect(headers['X-InstaXWH-KEY']).toBe(sig(js));
    const result = adapter.verify({ headers: Object.entries(headers), body }, secrets);
    expect(result).toMatchObject({ status: 'valid', matched: 'JS-style JSON, top-level keys sorted' });
  });
});

describe('instaxchange parse, normalize, correlate', () => {
  it('completed: amounts exact, parties full, keys from every id', () => {
    const parsed = adapter.parse(delivery(instaxchangeCompleted));
    expect(parsed.parseError).toBeNull();
    expect(parsed.schemaIssues).toEqual([]);
    expect(parsed.eventType).toBe('completed');
    expect(parsed.eventId).toBe('c5f1e7a2-9b3d-4e21-8a6f-2d4b9e0c7a11:completed');
    const event = adapter.normalize(parsed);
    expect(event).toMatchObject({ status: 'completed', providerStatus: 'completed', direction: 'deposit' });
    expect(event.amounts).toEqual([
      { role: 'fiat', value: '3.74', currency: 'USD' },
      { role: 'crypto', value: '0.0421399418187522', currency: 'LTC' },
    ]);
    expect(event.parties).toContainEqual({ role: 'payer', kind: 'name', value: 'Zoë Müller' });
    expect(event.parties).toContainEqual({ role: 'payer', kind: 'email', value: 'zoe.mueller@example.com' });
    expect(event.parties.filter((p) => p.kind === 'wallet')).toHaveLength(1);
    expect(adapter.correlationKeys(parsed)).toEqual([
      { kind: 'reference', value: 'order-10042' },
      { kind: 'sessionId', value: 'sess_7d9e2b14c3f8' },
      { kind: 'transactionId', value: 'c5f1e7a2-9b3d-4e21-8a6f-2d4b9e0c7a11' },
      { kind: 'depositTxId', value: 'dep_4c2a91f0' },
      { kind: 'withdrawTxId', value: 'wd_77e1b3c9' },
      { kind: 'wdId', value: '123' },
      { kind: 'invoiceId', value: 'INV-88231' },
    ]);
  });

  it('failed: masked placeholders and null reference are skipped', () => {
    const parsed = adapter.parse(delivery(instaxchangeFailed));
    const event = adapter.normalize(parsed);
    expect(event.status).toBe('failed');
    expect(event.amounts[0]).toEqual({ role: 'fiat', value: '5', currency: 'USD' });
    // The provider's own partly masked card number is kept; fully masked placeholders are not.
    expect(event.parties.filter((p) => p.value.includes('*'))).toEqual([{ role: 'payer', kind: 'card', value: '4****1111' }]);
    expect(adapter.correlationKeys(parsed)).toEqual([{ kind: 'sessionId', value: 'sess_19ab44e0' }]);
    // transactionId is masked: the id is the webhook's name plus a hash of the event's content (issue 13.8).
    expect(parsed.eventId).toMatch(/^testfailedwebhook:content-[0-9a-f]{32}$/);
  });
});
