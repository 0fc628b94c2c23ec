import { describe, expect, it } from 'vitest';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { calypsoInvoiceCreated, paychantEvent } from './fixtures.js';
import { delivery, hmacHex } from './helpers.js';

const body = JSON.stringify(paychantEvent);
const production = { label: 'production', value: 'paychant-live-secret-1' };
const sandbox = { label: 'sandbox', value: 'paychant-test-secret-2' };
const paychant = (headers: Record<string, string>, secrets = [production, sandbox]) => providerAdapters.paychant.verify(delivery(body, headers), secrets);
const HEX512 = 'hex HMAC-SHA512 (128 characters)';

// The console's signature checklist reads these stages; they name labels and shapes, never values.
describe('the stages of a signature check', () => {
  it('lists every secret in the order tried: one that does not match, the one that does', () => {
    const result = paychant({ 'paychant-signature': hmacHex('sha512', sandbox.value, body) });
    expect(result.status).toBe('valid');
    expect(result.checks).toEqual({
      header: { name: 'paychant-signature', values: 1, present: true, shaped: true, shape: HEX512 },
      secrets: [
        { label: 'production', outcome: 'no-match' },
        { label: 'sandbox', outcome: 'matched' },
      ],
    });
    expect(JSON.stringify(result)).not.toContain(sandbox.value);
  });

  it('says a later secret was not tried when an earlier one matched', () => {
    const result = paychant({ 'paychant-signature': hmacHex('sha512', production.value, body) });
    expect(result.checks!.secrets).toEqual([
      { label: 'production', outcome: 'matched' },
      { label: 'sandbox', outcome: 'not-tried' },
    ]);
  });

  it('tells a header that is not shaped like the digest from one that is but matches no secret', () => {
    const misshaped = paychant({ 'paychant-signature': 'sha256=deadbeef' });
    expect(misshaped.status).toBe('invalid');
    expect(misshaped.checks!.header).toMatchObject({ present: true, shaped: false });
    expect(misshaped.checks!.secrets.map((s) => s.outcome)).toEqual(['no-match', 'no-match']);
    const wrongSecret = paychant({ 'paychant-signature': hmacHex('sha512', 'someone-else', body) });
    expect(wrongSecret.checks!.header).toMatchObject({ present: true, shaped: true });
  });

  it('records a missing header, a missing secret, a secret that needs trimming and one the Key header did not select', () => {
    expect(paychant({}).checks).toEqual({
      header: { name: 'paychant-signature', values: 0, present: false, shaped: null, shape: HEX512 },
      secrets: [],
    });
    expect(paychant({ 'paychant-signature': hmacHex('sha512', production.value, body) }, []).checks!.secrets).toEqual([]);
    const padded = paychant({ 'paychant-signature': hmacHex('sha512', production.value, body) }, [{ label: 'production', value: ` ${production.value}\n` }]);
    expect(padded.checks!.secrets).toEqual([{ label: 'production', outcome: 'matched-trimmed' }]);
    const subA = { label: 'subscription A', value: 'b823a6b9ea72408583cef9ec8d67fa52', key: 'pk_live_A1' };
    const subB = { label: 'subscription B', value: '0c41f2d8e9a7465b9b1e6f3a2d5c8e71', key: 'pk_live_B2' };
    const calypso = providerAdapters.calypso.verify(
      delivery(calypsoInvoiceCreated, { Sign: hmacHex('sha512', subB.value, calypsoInvoiceCreated), Key: 'pk_live_A1' }),
      [subA, subB],
    );
    expect(calypso.status).toBe('invalid');
    expect(calypso.checks!.secrets).toEqual([
      { label: 'subscription A', outcome: 'no-match' },
      { label: 'subscription B', outcome: 'matched-not-selected' },
    ]);
  });
});
