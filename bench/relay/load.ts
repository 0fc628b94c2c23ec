/** The relay bench's load: signed Paychant webhooks, each its own payment, posted by autocannon. */
import autocannon, { type Result } from 'autocannon';
import { paychantAdapter } from '../../src-main/providers/paychant/index.js';

export const RELAY_BENCH_SECRET = 'relay-bench-paychant-secret-0123456789';

export interface RelayLoadRun {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  other: number;
  seconds: number;
}

let sequence = 0;

function signed(tag: string): { body: string; signature: string } {
  const body = JSON.stringify({
    event: 'PAYMENT_COMPLETED',
    data: {
      env: 'production',
      pid: `${tag}-${(sequence++).toString(36)}`,
      fiat: 'NGN',
      fiatAmount: '149241.00',
      asset: 'CUSD',
      assetAmount: '300',
      action: 'BUY',
      transactionRef: 'BENCH',
    },
  });
  return { body, signature: paychantAdapter.signWebhook(Buffer.from(body), { label: 'bench', value: RELAY_BENCH_SECRET })['paychant-signature']! };
}

/** Posts `amount` requests over `connections`; requests/s counts 2xx answers over the time to the last answer. */
export async function relayLoad(url: string, options: { amount: number; connections: number; tag: string }): Promise<RelayLoadRun> {
  let lastAnswerAt = 0;
  const started = performance.now();
  const result: Result = await autocannon({
    url,
    connections: options.connections,
    pipelining: 1,
    amount: options.amount,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const next = signed(options.tag);
          return { ...request, method: 'POST', headers: { 'content-type': 'application/json', 'paychant-signature': next.signature }, body: next.body };
        },
        onResponse: () => {
          lastAnswerAt = performance.now();
        },
      },
    ],
  });
  const seconds = ((lastAnswerAt || performance.now()) - started) / 1000;
  return {
    requestsPerSecond: result['2xx'] / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
    seconds,
  };
}

/** A steady stream well below saturation: the latency a hop adds when nothing queues. */
export async function relaySteady(url: string, options: { rate: number; seconds: number; tag: string }): Promise<{ p50Ms: number; p99Ms: number; ok: number }> {
  const result: Result = await autocannon({
    url,
    connections: 10,
    overallRate: options.rate,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const next = signed(options.tag);
          return { ...request, method: 'POST', headers: { 'content-type': 'application/json', 'paychant-signature': next.signature }, body: next.body };
        },
      },
    ],
  });
  return { p50Ms: result.latency.p50, p99Ms: result.latency.p99, ok: result['2xx'] };
}
