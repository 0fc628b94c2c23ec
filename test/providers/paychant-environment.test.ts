/**
 * Issue 13.9: Paychant events carry `data.env` (seed 004: `env: 'sandbox'`; providers.md: "env
 * (production | sandbox: always set it)"). A sandbox event that verifies with the production
 * secret, or the reverse, is flagged in words; the environment is part of the meaning.
 */
import { describe, expect, it } from 'vitest';
import { paychantAdapter } from '../../src-main/providers/paychant/index.js';
import { delivery, hmacHex } from './helpers.js';
import { paychantEvent } from './fixtures.js';

const production = { label: 'production', value: 'pch_live_5a1f0e9c3b7d' };
const sandbox = { label: 'sandbox', value: 'pch_test_0d2e4f6a8b1c' };
const bodyFor = (env: string) => JSON.stringify({ ...paychantEvent, data: { ...paychantEvent.data, env } });
const signed = (body: string, secret: { value: string }) => delivery(body, { 'paychant-signature': hmacHex('sha512', secret.value, body) });

describe('Paychant env against the secret that verified it', () => {
  it("flags the seed's sandbox event verified by the production secret", () => {
    const result = paychantAdapter.verify(signed(bodyFor('sandbox'), production), [production, sandbox]);
    expect(result.status).toBe('valid');
    expect(result.warnings).toEqual([
      "the event says env 'sandbox' but it verifies with the 'production' secret: a sandbox event signed with the production secret (or the reverse) is not a real payment in that environment — check which secret Paychant uses for each environment",
    ]);
  });

  it('flags a production event verified by the sandbox secret', () => {
    const result = paychantAdapter.verify(signed(bodyFor('production'), sandbox), [production, sandbox]);
    expect(result.status).toBe('valid');
    expect(result.warnings?.[0]).toContain("env 'production' but it verifies with the 'sandbox' secret");
  });

  it('says nothing when the environments agree, or when the secret label names no environment', () => {
    expect(paychantAdapter.verify(signed(bodyFor('sandbox'), sandbox), [production, sandbox]).warnings).toBeUndefined();
    expect(paychantAdapter.verify(signed(bodyFor('production'), production), [production, sandbox]).warnings).toBeUndefined();
    const main = { label: 'main', value: production.value };
    expect(paychantAdapter.verify(signed(bodyFor('sandbox'), main), [main]).warnings).toBeUndefined();
  });

  it('keeps env in the normalized meaning', () => {
    expect(paychantAdapter.normalize(paychantAdapter.parse(delivery(bodyFor('sandbox')))).environment).toBe('sandbox');
    expect(paychantAdapter.normalize(paychantAdapter.parse(delivery(bodyFor('production')))).environment).toBe('production');
  });
});
