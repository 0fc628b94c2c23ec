import { describe, it, expect } from 'vitest';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { providerIds } from '../../src-shared/domain/provider.js';
import { VerificationResult } from '../../src-shared/domain/verification.js';
import { delivery } from './helpers.js';
import { calypsoInvoiceCreated, instapDeposit, instaxchangeCompleted, openxswitchSwap, paychantEvent } from './fixtures.js';

const samples = {
  instaxchange: instaxchangeCompleted,
  instap: instapDeposit,
  openxswitch: openxswitchSwap,
  calypso: calypsoInvoiceCreated,
  paychant: JSON.stringify(paychantEvent),
} as const;

describe('verification results never carry a secret or the expected signature', () => {
  const secret = { label: 'production', value: 'S3cr3t-value-4711', key: 'pk_1' };
  const other = { label: 'sandbox', value: 'another-secret-0815' };
  for (const id of providerIds) {
    it(id, () => {
      const adapter = providerAdapters[id];
      const body = Buffer.from(samples[id]);
      const good = adapter.signWebhook(body, secret);
      const expectedValues = Object.values(adapter.signWebhook(body, other))
        .concat(Object.values(good))
        .filter((v) => v !== secret.key);
      const scenarios: Record<string, string>[] = [
        good, // valid with 'production'
        Object.fromEntries(Object.entries(good).map(([k, v]) => [k, v.replace(/^./, v[0] === '0' ? '1' : '0')])), // invalid
        {}, // unsigned
      ];
      const bodies = [body, Buffer.from(`${samples[id]} tampered`)];
      for (const headers of scenarios) {
        for (const b of bodies) {
          for (const secrets of [[secret], [other], [{ ...secret, value: ` ${secret.value} ` }], [secret, other], []]) {
            const result = adapter.verify(delivery(b, headers), secrets);
            expect(VerificationResult.safeParse(result).success).toBe(true);
            const text = JSON.stringify(result);
            expect(text).not.toContain(secret.value);
            expect(text).not.toContain(other.value);
            // The correct signature for the other secret is never revealed, even when the received one is wrong.
            for (const v of expectedValues) {
              expect(text).not.toContain(v);
            }
          }
        }
      }
    });
  }
});
