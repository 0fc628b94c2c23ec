import { describe, expect, it } from 'vitest';
import { SignatureBurstWindow } from '../../src-main/alerts/signature-burst.js';
import { signatureFailuresOf } from '../../src-main/alerts/sources.js';
import { newId } from '../../src-main/store/ids.js';
import { ALERT_RULES } from '../../src-shared/alerts/rules.js';
import type { DerivedFields } from '../../src-main/store/types.js';

const MIN = 60_000;
const rule = ALERT_RULES.signature_failures;
const t0 = Date.parse('2026-05-01T12:00:00Z');
const failure = (provider: string, at: number, id = `dlv_${provider}_${at}_${Math.random()}`) => ({ deliveryId: id, provider, receivedAt: at });

describe('a burst of failed signatures', () => {
  it('alerts once a provider has 5 in 5 minutes, per provider, then keeps quiet for that provider', () => {
    expect(rule).toEqual({ failures: 5, windowMs: 5 * MIN, cooldownMs: 15 * MIN });
    const window = new SignatureBurstWindow(rule);
    expect(
      window.add(
        [0, 1, 2, 3].map((i) => failure('paychant', t0 + i * MIN)),
        t0 + 4 * MIN,
      ),
    ).toEqual([]);
    expect(window.add([failure('instap', t0 + 4 * MIN)], t0 + 4 * MIN)).toEqual([]);
    expect(window.add([failure('paychant', t0 + 4 * MIN)], t0 + 4 * MIN)).toEqual([{ provider: 'paychant', count: 5, since: t0 - MIN }]);
    // More within the cooldown: nothing; another provider still has its own count.
    expect(window.add([failure('paychant', t0 + 5 * MIN)], t0 + 5 * MIN)).toEqual([]);
    // After the cooldown, a new burst alerts again.
    const later = t0 + 20 * MIN;
    expect(
      window.add(
        [0, 1, 2, 3, 4].map((i) => failure('paychant', later + i)),
        later + 4,
      ),
    ).toHaveLength(1);
  });

  it('counts only failures received within the window: spread out, or verified again long after, they are no burst', () => {
    const window = new SignatureBurstWindow(rule);
    for (let i = 0; i < 10; i++) expect(window.add([failure('paychant', t0 + i * 2 * MIN)], t0 + i * 2 * MIN)).toEqual([]);
    // Ten old deliveries verified again now (a secret changed): received hours ago.
    const old = Array.from({ length: 10 }, (_, i) => failure('calypso', t0 - 3 * 60 * MIN + i));
    expect(window.add(old, t0)).toEqual([]);
  });

  it('counts a delivery derived twice once', () => {
    const window = new SignatureBurstWindow(rule);
    const same = failure('paychant', t0, 'dlv_same');
    expect(window.add([same, same, same, same, same], t0)).toEqual([]);
    expect(window.add([same], t0)).toEqual([]);
  });

  it('reads the invalid ones and their receipt time from a derived batch', () => {
    const ids = [newId('dlv', t0), newId('dlv', t0 + 1000), newId('dlv', t0 + 2000)];
    const derived = (status: string) => ({ verification: { status } }) as unknown as DerivedFields;
    const batch = ids.map((id, i) => ({ id, provider: i === 2 ? 'instap' : 'paychant' }) as const);
    expect(signatureFailuresOf(batch, [derived('invalid'), derived('valid'), derived('invalid')])).toEqual([
      { deliveryId: ids[0], provider: 'paychant', receivedAt: t0 },
      { deliveryId: ids[2], provider: 'instap', receivedAt: t0 + 2000 },
    ]);
  });
});
