import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import { paychantAdapter } from '../../src-main/providers/paychant/index.js';
import type { TestConsole } from '../helpers/console.js';
import type { RelayRouteSaveInput, RelayRouteView } from '../../src-shared/contract/relay.js';

export const PAYCHANT_SECRET = 'relay-test-paychant-secret-0123456789';

/** A signed Paychant webhook with its own pid (or the given one: a provider retry repeats it). */
export function paychantWebhook(pid: string, event = 'PAYMENT_COMPLETED'): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ event, data: { env: 'sandbox', pid, action: 'BUY', fiat: 'NGN', fiatAmount: '149241.00', asset: 'CUSD', assetAmount: '300' } });
  const signature = paychantAdapter.signWebhook(Buffer.from(body), { label: 'test', value: PAYCHANT_SECRET });
  return { body, headers: { 'content-type': 'application/json', ...signature } };
}

/** What the merchant's backend would check: hex HMAC-SHA512 of the exact bytes it received. */
export function paychantSignatureVerifies(body: Buffer, header: string | undefined): boolean {
  return header !== undefined && createHmac('sha512', PAYCHANT_SECRET).update(body).digest('hex') === header;
}

export async function configurePaychant(gw: TestConsole): Promise<void> {
  const { status } = await gw.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'test', value: PAYCHANT_SECRET }] });
  expect(status).toBe(200);
  // Tests post from one address faster than the per-sender default allows.
  expect((await gw.api('listener.configure', { rateLimit: null })).status).toBe(200);
}

export async function saveRoute(gw: TestConsole, input: RelayRouteSaveInput): Promise<RelayRouteView> {
  const { status, body } = await gw.api<RelayRouteView>('relay.routes.save', input);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
