/**
 * A realistic inbox for the end-to-end tests and the screenshots: signed deliveries of all five
 * providers (the seed payloads of test/providers), posted to the running listener, with what a
 * support person meets: retries, a forged completion, an amount that changes, sandbox events,
 * an unsigned request, long values.
 */
import { createHash } from 'node:crypto';
import { providerAdapters } from '../../src-main/providers/registry.js';
import type { WebhookSecret } from '../../src-main/providers/types.js';
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import { newId } from '../../src-main/store/ids.js';
import type { ProviderId } from '../../src-shared/domain/provider.js';
import { instapDeposit, instaxchangeCompleted, instaxchangeFailed, openxswitchSwap, paychantEvent } from '../providers/fixtures.js';
import { calypsoEnvelope, calypsoEventData } from '../providers/calypso-events.js';
import type { ServeProcess } from './harness.js';

export const SECRETS: Record<Exclude<ProviderId, 'instap'>, WebhookSecret[]> = {
  paychant: [
    { label: 'production', value: 'paychant-live-whsec-7f3a' },
    { label: 'sandbox', value: 'paychant-test-whsec-19c2' },
  ],
  instaxchange: [{ label: 'production', value: 'instax-whsec-4410' }],
  openxswitch: [{ label: 'production', value: 'oxs-whsec-8812' }],
  calypso: [{ label: 'production', value: 'calypso-whsec-0031', key: 'pub-calypso-0031' }],
};
export const INSTAP_SANDBOX_HMAC = 'instap-hmac-sandbox-5521';

export async function api<T = unknown>(serve: ServeProcess, name: string, input: unknown): Promise<T> {
  const url = new URL(serve.consoleUrl);
  const response = await fetch(`${url.origin}/api/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${url.searchParams.get('token')}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (response.status !== 200) throw new Error(`${name} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function configureSecrets(serve: ServeProcess): Promise<void> {
  for (const [provider, secrets] of Object.entries(SECRETS)) {
    await api(serve, 'providers.configure', {
      provider,
      webhookSecrets: secrets.map((s) => ({ label: s.label, value: s.value, ...(s.key ? { key: s.key } : {}) })),
    });
  }
  await api(serve, 'providers.configure', { provider: 'instap', environment: 'sandbox', hmacSecret: INSTAP_SANDBOX_HMAC });
}

/** Posts a body to the listener, signed as the provider signs it (with `secret`, or not at all when null). */
export async function post(serve: ServeProcess, provider: ProviderId, body: string, secret: WebhookSecret | null): Promise<string> {
  const signature = secret ? providerAdapters[provider].signWebhook(Buffer.from(body), secret) : {};
  const response = await fetch(`${serve.webhookBaseUrl}/webhooks/${provider}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signature },
    body,
  });
  if (response.status !== 200) throw new Error(`the listener answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** A Paychant event for one payment, written by hand so amounts keep their trailing zeros. */
export const paychant = (event: string, ref: string, fiatAmount: string, env = 'production') =>
  `{"event":"${event}","data":{"env":"${env}","pid":"pid-${ref}","date":"05/11/2026 - 12:00:00","fiat":"NGN","asset":"CUSD","chain":"CELO","action":"BUY","fiatAmount":${fiatAmount},"assetAmount":300,"userAddress":"${paychantEvent.data.userAddress}","paymentMethod":"Bank Transfer","transactionRef":"${ref}"}}`;

const [paychantLive, paychantSandbox] = SECRETS.paychant as [WebhookSecret, WebhookSecret];

/** Every named delivery the tests look for, by name. */
export type SeededIds = Record<string, string>;

export async function seedRealistic(serve: ServeProcess): Promise<SeededIds> {
  await configureSecrets(serve);
  const ids: SeededIds = {};
  const put = async (name: string, provider: ProviderId, body: string, secret: WebhookSecret | null) => {
    ids[name] = await post(serve, provider, body, secret);
  };
  // Background traffic: payments that went as they should.
  for (let i = 0; i < 14; i++) {
    const ref = `FILL${String(i).padStart(3, '0')}Q9GS7`;
    await put(`fill-awaiting-${i}`, 'paychant', paychant('AWAITING_PAYMENT', ref, `${25_000 + i * 1000}.00`), paychantLive);
    await put(`fill-completed-${i}`, 'paychant', paychant('PAYMENT_COMPLETED', ref, `${25_000 + i * 1000}.00`), paychantLive);
  }
  await put('instax-completed', 'instaxchange', instaxchangeCompleted, SECRETS.instaxchange[0]!);
  await put('instax-failed', 'instaxchange', instaxchangeFailed, SECRETS.instaxchange[0]!);
  await put('openx-swap', 'openxswitch', openxswitchSwap, SECRETS.openxswitch[0]!);
  for (const [n, type] of ['INVOICE_CREATE_INVOICE', 'INVOICE_MEMPOOL_FOUND', 'INVOICE_PAID'].entries()) {
    await put(`calypso-${type}`, 'calypso', calypsoEnvelope(type, calypsoEventData[type]!, 2100 + n), SECRETS.calypso[0]!);
  }
  // Instap signs notifications with the HMAC secret of the environment: a sandbox deposit.
  await put('instap-sandbox', 'instap', instapDeposit, { label: 'hmac secret (sandbox)', value: INSTAP_SANDBOX_HMAC });
  // A Paychant sandbox event signed with the sandbox secret.
  await put('paychant-sandbox', 'paychant', paychant('WIDGET.CREATED', '7CMJS1Q90GS79AA', '149241', 'sandbox'), paychantSandbox);
  // A payment whose completion is forged (wrong secret) and claims another amount: 50,000 → 140,000 NGN.
  await put('forged-created', 'paychant', paychant('CREATED', 'FRG7CMJS1Q90', '50000'), paychantLive);
  await put('forged-awaiting', 'paychant', paychant('AWAITING_PAYMENT', 'FRG7CMJS1Q90', '50000'), paychantLive);
  await put('forged-completed', 'paychant', paychant('PAYMENT_COMPLETED', 'FRG7CMJS1Q90', '140000'), { label: 'x', value: 'not-the-secret' });
  // A payment whose completion was retried twice by the provider (identical bodies).
  await put('retried-awaiting', 'paychant', paychant('AWAITING_PAYMENT', 'RTR5XK2Q8P1M', '170.00'), paychantLive);
  await put('retried-completed', 'paychant', paychant('PAYMENT_COMPLETED', 'RTR5XK2Q8P1M', '170.00'), paychantLive);
  await put('retried-completed-2', 'paychant', paychant('PAYMENT_COMPLETED', 'RTR5XK2Q8P1M', '170.00'), paychantLive);
  await put('retried-completed-3', 'paychant', paychant('PAYMENT_COMPLETED', 'RTR5XK2Q8P1M', '170.00'), paychantLive);
  // An unsigned request and one with a very long reference (it must wrap, not push the page sideways).
  await put('unsigned', 'paychant', paychant('PAYMENT_COMPLETED', 'UNS9Q2X7', '9000'), null);
  await put('long', 'paychant', paychant('AWAITING_PAYMENT', `LONG${'7CMJS1Q90GS79AA'.repeat(8)}`, '1234567.89'), paychantLive);
  return ids;
}

/**
 * Deliveries received hours ago, written into the data dir before serve mode starts (the
 * listener stamps arrival times itself): serve mode derives and verifies them when it starts.
 */
export async function preseedOld(
  dataDir: string,
  items: Array<{ provider: ProviderId; body: string; secret: WebhookSecret; hoursAgo: number }>,
): Promise<string[]> {
  const store = createSqliteStore(dataDir);
  const news = items.map((item) => {
    const body = Buffer.from(item.body);
    const headers = Object.entries(providerAdapters[item.provider].signWebhook(body, item.secret));
    return {
      id: newId('dlv'),
      provider: item.provider,
      label: null,
      receivedAt: new Date(Date.now() - item.hoursAgo * 3_600_000).toISOString(),
      method: 'POST',
      path: `/webhooks/${item.provider}`,
      query: '',
      headers: [['content-type', 'application/json'], ...headers] as Array<[string, string]>,
      body,
      size: body.length,
      bodySha256: createHash('sha256').update(body).digest('hex'),
      remoteAddress: '127.0.0.1',
      forwarded: null,
      rejected: null,
    };
  });
  await store.deliveries.insertBatch(news);
  await store.close();
  return news.map((n) => n.id);
}

/** Waits until every delivery is derived (verified, normalized): the list has no `pending` left. */
export async function derived(serve: ServeProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const page = await api<{ total: number }>(serve, 'deliveries.list', { verification: 'pending', limit: 1 });
    if (page.total === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('deliveries were not derived in 10 s');
}
