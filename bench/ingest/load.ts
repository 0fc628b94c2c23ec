/** The load: Paychant-sized signed webhooks, each with its own payment id, posted by autocannon. */
import autocannon, { type Request, type Result } from 'autocannon';
import { paychantAdapter } from '../../src-main/providers/paychant/index.js';
import { paychantEvent } from '../../test/providers/fixtures.js';

export const BENCH_SECRET = 'bench-paychant-secret-0123456789';

export interface LoadRun {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  /** The payment id of the last request sent (the bench checks it becomes searchable). */
  lastPid: string;
}

let sequence = 0;

function signedBody(runTag: string): { body: string; signature: string; pid: string } {
  const pid = `${runTag}p${(sequence++).toString(36)}`;
  const body = JSON.stringify({ ...paychantEvent, event: 'PAYMENT_COMPLETED', data: { ...paychantEvent.data, pid } });
  const headers = paychantAdapter.signWebhook(Buffer.from(body), { label: 'bench', value: BENCH_SECRET });
  return { body, signature: headers['paychant-signature']!, pid };
}

/** The request autocannon sends: each one a fresh signed webhook; `onPid` hears its payment id. */
function signedRequest(runTag: string, onPid: (pid: string) => void): Request {
  return {
    method: 'POST',
    setupRequest: (request) => {
      const next = signedBody(runTag);
      onPid(next.pid);
      return { ...request, method: 'POST', headers: { 'content-type': 'application/json', 'paychant-signature': next.signature }, body: next.body };
    },
  };
}

/** Posts to url until `amount` requests were answered, so every sent request has its answer counted. */
export async function postLoad(url: string, options: { amount: number; connections: number; runTag: string }): Promise<LoadRun> {
  let lastPid = '';
  // autocannon notices that `amount` is reached on its one-second tick: time the answers
  // ourselves, or every run would be rounded up to whole seconds.
  let lastAnswerAt = 0;
  const started = performance.now();
  const result: Result = await autocannon({
    url,
    connections: options.connections,
    pipelining: 1,
    amount: options.amount,
    requests: [
      {
        ...signedRequest(options.runTag, (pid) => (lastPid = pid)),
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
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds,
    lastPid,
  };
}

export interface SteadyRun {
  rate: number;
  seconds: number;
  ok: number;
  p99Ms: number;
  lastPid: string;
}

/** A steady stream at a fixed rate for a fixed time: how a listener fares below saturation. */
export async function postSteady(url: string, options: { rate: number; seconds: number; runTag: string }): Promise<SteadyRun> {
  let lastPid = '';
  const result: Result = await autocannon({
    url,
    connections: 20,
    overallRate: options.rate,
    duration: options.seconds,
    requests: [signedRequest(options.runTag, (pid) => (lastPid = pid))],
  });
  return { rate: options.rate, seconds: options.seconds, ok: result['2xx'], p99Ms: result.latency.p99, lastPid };
}
