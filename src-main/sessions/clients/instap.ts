/**
 * Instap `pgpub`: session creation and the mock deposit hook are signed with x-payload-hash =
 * base64 HMAC-SHA512 of the exact body string (built here once and sent as is).
 */
import { instapSessionPayload } from '../../../src-shared/sessions/instap.js';
import { lookupStatus } from '../../../src-shared/providers/status-map.js';
import { instapRequestHeaders } from '../../providers/instap/index.js';
import { firstText, joinUrl, jsonBody } from '../body.js';
import { explainInstapAnswer } from './instap-errors.js';
import type { BuildContext, BuiltRequest, ProviderAnswer, SessionClient } from '../types.js';
import { validateWith } from './validate.js';
import { KeyCollector } from '../../providers/shared/extract.js';

const NUMBER_FIELDS = ['minPaymentAmountInUSD', 'maxPaymentAmountInUSD'];
const SIGNED = ['x-payload-hash'];

function signedPost(path: string, body: string, ctx: BuildContext): BuiltRequest {
  return {
    method: 'POST',
    url: joinUrl(ctx.creds.baseUrl, path),
    headers: instapRequestHeaders(body, { apiKey: ctx.creds.apiKey ?? '', hmacSecret: ctx.creds.hmacSecret ?? '' }),
    body,
    signatureHeaders: SIGNED,
  };
}

/** The mock deposit hook (`POST /pgpub/mock/deposit`): signed exactly like session creation. */
export function instapMockDepositRequest(input: { userId: string; blockChainCurrency: string; blockChainAmount: string }, ctx: BuildContext): BuiltRequest {
  return signedPost('/pgpub/mock/deposit', jsonBody(input, ['blockChainAmount']), ctx);
}

const stateOf = (answer: ProviderAnswer) => firstText(answer.json, [['sessionState'], ['state'], ['status']]);

export const instapClient: SessionClient = {
  provider: 'instap',
  kind: 'session',
  validate: (payload) => validateWith(instapSessionPayload, payload),
  missing(creds) {
    const missing: string[] = [];
    if (!creds.baseUrl) missing.push(`a base URL for the ${creds.environment} environment`);
    if (!creds.apiKey) missing.push(`an API key for ${creds.environment} (sent as x-api-key)`);
    if (!creds.hmacSecret) missing.push(`an HMAC secret for ${creds.environment} (it signs x-payload-hash)`);
    return missing;
  },
  build: (payload, ctx) => signedPost('/pgpub/session', jsonBody(payload, NUMBER_FIELDS), ctx),
  interpretCreate(payload, answer) {
    const token = answer ? firstText(answer.json, [['sessionToken'], ['operationNo']]) : null;
    const checkout = answer ? firstText(answer.json, [['checkOutUrl'], ['checkoutUrl']]) : null;
    return {
      providerSessionId: token,
      links: checkout ? [{ label: 'Checkout page', url: checkout }] : [],
      providerState: token ? 'NEW' : null,
      status: token ? 'created' : 'failed',
      correlationKeys: new KeyCollector().add('sessionToken', token).add('userId', payload.userId).keys(),
    };
  },
  statusRequest(session, ctx) {
    return {
      method: 'GET',
      url: joinUrl(ctx.creds.baseUrl, `/pgpub/session/${encodeURIComponent(session.providerSessionId ?? '')}`),
      headers: { 'content-type': 'application/json', 'x-api-key': ctx.creds.apiKey ?? '' },
      body: null,
      signatureHeaders: [],
    };
  },
  interpretStatus(answer) {
    const state = stateOf(answer);
    return { providerState: state, status: lookupStatus('instap', 'sessionState', state) ?? 'unknown' };
  },
  explain: explainInstapAnswer,
  assumptions: () => [],
};
