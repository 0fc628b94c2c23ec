/**
 * Issue 13.5: a signature header sent more than once (a proxy that adds its own, a retry that
 * appends). Every value is tried, and the diagnosis says how many there were.
 */
import { describe, expect, it } from 'vitest';
import { paychantAdapter } from '../../src-main/providers/paychant/index.js';
import { instaxchangeAdapter } from '../../src-main/providers/instaxchange/index.js';
import type { WebhookDelivery } from '../../src-main/providers/types.js';
import { hmacHex, jsTopLevelSorted, md5Hex } from './helpers.js';
import { instaxchangeCompleted, paychantEvent } from './fixtures.js';

const secret = { label: 'production', value: 'pch_live_5a1f0e9c3b7d' };
const body = JSON.stringify(paychantEvent);
const good = hmacHex('sha512', secret.value, body);
const stale = hmacHex('sha512', 'an-old-secret', body);

const withHeaders = (text: string, ...headers: Array<[string, string]>): WebhookDelivery => ({
  headers: [['Content-Type', 'application/json'], ...headers],
  body: Buffer.from(text, 'utf8'),
});

describe('a repeated signature header', () => {
  it('tries the second paychant-signature when the first does not match, and says there were two', () => {
    const result = paychantAdapter.verify(withHeaders(body, ['paychant-signature', stale], ['Paychant-Signature', good]), [secret]);
    expect(result.status).toBe('valid');
    expect(result.matched).toBe('raw bytes');
    expect(result.diagnosis).toContain('paychant-signature header was sent 2 times');
    expect(result.diagnosis).toContain('the 2nd value matches');
  });

  it('still matches the first value, and still says the header was repeated', () => {
    const result = paychantAdapter.verify(withHeaders(body, ['paychant-signature', good], ['paychant-signature', stale]), [secret]);
    expect(result.status).toBe('valid');
    expect(result.diagnosis).toContain('sent 2 times');
    expect(result.diagnosis).toContain('the 1st value matches');
  });

  it('skips an empty first value', () => {
    const result = paychantAdapter.verify(withHeaders(body, ['paychant-signature', ''], ['paychant-signature', good]), [secret]);
    expect(result.status).toBe('valid');
  });

  it('reports invalid when no value matches, naming how many were tried', () => {
    const result = paychantAdapter.verify(withHeaders(body, ['paychant-signature', stale], ['paychant-signature', 'f'.repeat(128)]), [secret]);
    expect(result.status).toBe('invalid');
    expect(result.diagnosis).toContain('paychant-signature header was sent 2 times; none of the 2 values matches');
  });

  it('works for a re-serialized recipe too (InstaXchange X-InstaXWH-KEY)', () => {
    const ixSecret = { label: 'production', value: 'ixw_live_3f9a1c7e5b2d' };
    const signature = md5Hex(`${jsTopLevelSorted(instaxchangeCompleted)}:${ixSecret.value}`);
    const result = instaxchangeAdapter.verify(withHeaders(instaxchangeCompleted, ['X-InstaXWH-KEY', 'a'.repeat(32)], ['x-instaxwh-key', signature]), [
      ixSecret,
    ]);
    expect(result.status).toBe('valid');
    expect(result.matched).toBe('JS-style JSON, top-level keys sorted');
    expect(result.diagnosis).toContain('X-InstaXWH-KEY header was sent 2 times');
  });
});
