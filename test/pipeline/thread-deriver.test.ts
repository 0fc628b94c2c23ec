import { afterEach, describe, expect, it } from 'vitest';
import { decodeDelivery } from '../../src-main/store/codec/stored-forms.js';
import { storedDetail } from '../../src-main/store/codec/delivery-forms.js';
import { ThreadDeriver } from '../../src-main/pipeline/thread-deriver.js';
import { InlineDeriver } from '../../src-main/pipeline/deriver.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import type { DerivedFields, PendingDelivery } from '../../src-main/store/types.js';
import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { WebhookSecret } from '../../src-main/providers/types.js';
import { calypsoInvoiceCreated, instapDeposit, instaxchangeCompleted, openxswitchSwap, paychantEvent } from '../providers/fixtures.js';

// The thread runs the TypeScript source here, through a loader script (the app runs the build).
const threadScript = new URL('../helpers/ts-thread.mjs', import.meta.url);
const tsLoader = [new URL('../../src-main/pipeline/derive-thread.ts', import.meta.url).href];

const secrets: Record<ProviderId, WebhookSecret[]> = {
  instaxchange: [{ label: 'ix', value: 'ix-secret-0123456789' }],
  instap: [{ label: 'ip', value: 'ip-secret-0123456789' }],
  openxswitch: [{ label: 'ox', value: 'ox-secret-0123456789' }],
  calypso: [{ label: 'cp', value: 'cp-secret-0123456789', key: 'pub-key-1' }],
  paychant: [{ label: 'pc', value: 'pc-secret-0123456789' }],
};
const webhookSecrets = async (provider: ProviderId) => secrets[provider];

const samples: Array<[ProviderId, string]> = [
  ['instaxchange', instaxchangeCompleted],
  ['instap', instapDeposit],
  ['openxswitch', openxswitchSwap],
  ['calypso', calypsoInvoiceCreated],
  ['paychant', JSON.stringify(paychantEvent)],
];

let seq = 0;
function pending(provider: PendingDelivery['provider'], body: string, headers: Array<[string, string]> = []): PendingDelivery {
  seq++;
  return { seq, id: `dlv_${seq}`, provider, label: null, headers: [['content-type', 'application/json'], ...headers], body: Buffer.from(body), rejected: null };
}

/** Each provider's sample, signed with its secret, plus deliveries that cannot be verified or parsed. */
function batch(): PendingDelivery[] {
  const signed = samples.map(([provider, body]) =>
    pending(provider, body, Object.entries(providerAdapters[provider].signWebhook(Buffer.from(body), secrets[provider][0]!))),
  );
  return [...signed, pending('paychant', '{"event":"x"', [['paychant-signature', 'nope']]), pending('unknown', 'plain text')];
}

// The thread also packs the stored forms (checked below); the main thread leaves that to the store.
const withoutTime = (derived: DerivedFields[]) =>
  derived.map(({ packed: _packed, ...d }) => ({ ...d, verification: { ...d.verification, checkedAt: undefined } }));

const inline = () => new InlineDeriver({ adapterFor: (p) => (p === 'unknown' ? undefined : providerAdapters[p]), webhookSecrets });
const open: ThreadDeriver[] = [];
afterEach(async () => {
  for (const deriver of open.splice(0)) await deriver.close();
});

describe('the derivation thread', () => {
  it('derives exactly what the main thread derives, signatures checked with the secrets it is sent', async () => {
    const errors: unknown[] = [];
    const deriver = new ThreadDeriver({ script: threadScript, argv: tsLoader, webhookSecrets, fallback: inline(), onError: (e) => errors.push(e) });
    open.push(deriver);
    const deliveries = batch();
    const inThread = await deriver.derive(deliveries);
    expect(errors.map((e) => (e as Error).message)).toEqual([]);
    expect(inThread.slice(0, 5).map((d) => d.verification.status)).toEqual(['valid', 'valid', 'valid', 'valid', 'valid']);
    expect(inThread[5]!.verification.status).toBe('invalid');
    expect(inThread[5]!.parseError).toBeTruthy();
    expect(inThread[6]!.verification.status).toBe('unsupported');
    expect(withoutTime(inThread)).toEqual(withoutTime(await inline().derive(deliveries)));
    // Amounts cross the thread boundary as the exact decimal text received.
    expect(inThread[1]!.normalized!.amounts.map((a) => a.value)).toContain('170.00');
    // The stored form it packed gives back the exact request and the derived JSON.
    for (const [index, derived] of inThread.entries()) {
      const { headers, body, detail } = decodeDelivery(derived.packed!);
      expect(headers).toEqual(deliveries[index]!.headers);
      expect(Buffer.from(body!).equals(Buffer.from(deliveries[index]!.body!))).toBe(true);
      expect(detail).toEqual(storedDetail(derived));
    }
  });

  it('keeps batches apart when several are in flight', async () => {
    const deriver = new ThreadDeriver({ script: threadScript, argv: tsLoader, webhookSecrets, fallback: inline(), onError: () => {} });
    open.push(deriver);
    const a = pending('paychant', JSON.stringify({ ...paychantEvent, data: { ...paychantEvent.data, pid: 'pid-a' } }));
    const b = pending('paychant', JSON.stringify({ ...paychantEvent, data: { ...paychantEvent.data, pid: 'pid-b' } }));
    const [first, second] = await Promise.all([deriver.derive([a]), deriver.derive([b])]);
    expect(first![0]!.correlationKeys.map((k) => k.value)).toContain('pid-a');
    expect(second![0]!.correlationKeys.map((k) => k.value)).toContain('pid-b');
  });

  it('spreads batches over several threads, each answer with its own batch', async () => {
    const deriver = new ThreadDeriver({
      script: threadScript,
      argv: tsLoader,
      webhookSecrets,
      fallback: inline(),
      onError: (e) => expect.fail(String(e)),
      threads: 2,
    });
    open.push(deriver);
    const batchOf = (n: number) => [pending('paychant', JSON.stringify({ ...paychantEvent, data: { ...paychantEvent.data, pid: `pid-${n}` } }))];
    const answers = await Promise.all(Array.from({ length: 6 }, (_, n) => deriver.derive(batchOf(n))));
    for (const [n, derived] of answers.entries()) expect(derived[0]!.correlationKeys.map((k) => k.value)).toContain(`pid-${n}`);
  }, 30_000); // each thread loads the TypeScript sources through tsx: seconds apiece on a busy machine

  it('tells the thread why secrets could not be read, and the verification says so', async () => {
    const deriver = new ThreadDeriver({
      script: threadScript,
      argv: tsLoader,
      webhookSecrets: async () => {
        throw new Error('wrong master key');
      },
      fallback: inline(),
      onError: () => {},
    });
    open.push(deriver);
    const [derived] = await deriver.derive([pending('paychant', JSON.stringify(paychantEvent), [['paychant-signature', 'ab12']])]);
    expect(derived!.verification.status).toBe('unsupported');
    expect(derived!.verification.diagnosis).toContain('wrong master key');
    expect(derived!.correlationKeys.length).toBeGreaterThan(0);
  });

  it('derives in the main thread when the thread cannot run, and reports why', async () => {
    const errors: unknown[] = [];
    const deriver = new ThreadDeriver({
      script: new URL('./no-such-thread.js', import.meta.url),
      webhookSecrets,
      fallback: inline(),
      onError: (e) => errors.push(e),
    });
    open.push(deriver);
    const deliveries = batch();
    const derived = await deriver.derive(deliveries);
    expect(derived.map((d) => d.verification.status)).toEqual(['valid', 'valid', 'valid', 'valid', 'valid', 'invalid', 'unsupported']);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('derives a batch inline when the thread dies holding it, and stays inline after repeated failures', async () => {
    const errors: string[] = [];
    const deriver = new ThreadDeriver({
      script: new URL('../helpers/crashing-thread.mjs', import.meta.url),
      webhookSecrets,
      fallback: inline(),
      onError: (e) => errors.push((e as Error).message),
    });
    open.push(deriver);
    for (let attempt = 1; attempt <= 4; attempt++) {
      const derived = await deriver.derive(batch());
      expect(derived.map((d) => d.verification.status)).toEqual(['valid', 'valid', 'valid', 'valid', 'valid', 'invalid', 'unsupported']);
    }
    expect(errors).toHaveLength(3); // the fourth batch no longer tries a thread
    expect(errors[0]).toContain('exit code 3');
    expect(errors[2]).toContain('deriving in the main thread from now on');
  });
});
