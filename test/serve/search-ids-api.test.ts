/**
 * Issue 16.3 through the console API: deliveries.list names the key a search equals and the keys
 * it starts (README "Search"), for webhooks derived by the real pipeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import type { DeliveriesListOutput } from '../../src-shared/contract/deliveries.js';
import { storeBackends } from '../helpers/store-backends.js';

const paychant = (event: string, ref: string) =>
  JSON.stringify({
    event,
    data: { env: 'production', pid: `pid-${ref}`, fiat: 'NGN', fiatAmount: 50000, paymentMethod: 'Bank Transfer', transactionRef: ref },
  });

describe.each(storeBackends)('deliveries.list recognises ids on $name', (backend) => {
  let gw: TestConsole;
  const ids: string[] = [];
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    for (const body of [paychant('CREATED', '7CMJS1Q90GS79AB'), paychant('PAYMENT_COMPLETED', '7CMJS1Q90GS79AB'), paychant('CREATED', 'OTHER0000001')]) {
      ids.push(((await (await gw.post('/webhooks/paychant', body)).json()) as { id: string }).id);
    }
    await gw.gatewatch.worker.idle();
  });
  afterAll(() => gw.close());

  const list = async (input: Record<string, unknown>) => {
    const { status, body } = await gw.api<DeliveriesListOutput>('deliveries.list', input);
    expect(status).toBe(200);
    return body;
  };

  it('finds a payment by the start of its reference and lists the keys it starts, then those it is inside of', async () => {
    const page = await list({ q: '7cmjs1q9' });
    expect(page.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
    expect(page.keyPrefix).toEqual({
      keys: [
        { kind: 'transactionRef', value: '7CMJS1Q90GS79AB' },
        { kind: 'pid', value: 'pid-7CMJS1Q90GS79AB' },
      ],
      tooMany: false,
      containing: 1,
      moreContaining: false,
    });
    expect(page.matchedKey).toBeNull();
  });

  it('names the key a search equals, for the inbox to offer its payment timeline', async () => {
    const page = await list({ q: '7CMJS1Q90GS79AB' });
    expect(page.matchedKey).toEqual({ kind: 'transactionRef', value: '7CMJS1Q90GS79AB' });
    expect(page.items).toHaveLength(2);
    expect((await list({ q: 'pid-7CMJS1Q90GS79AB' })).matchedKey).toEqual({ kind: 'pid', value: 'pid-7CMJS1Q90GS79AB' });
    const none = await list({ q: 'bank transfer' });
    expect(none.matchedKey).toBeNull();
    expect(none.keyPrefix).toBeNull();
    expect((await list({})).matchedKey).toBeNull();
  });
});
