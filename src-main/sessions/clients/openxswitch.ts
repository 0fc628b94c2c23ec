/** OpenXSwitch instant swap: `POST /v1/instant-swap` with a Bearer API key, no request signing. */
import { openxswitchSwapPayload } from '../../../src-shared/sessions/others.js';
import { lookupStatus } from '../../../src-shared/providers/status-map.js';
import { KeyCollector } from '../../providers/shared/extract.js';
import { firstText, joinUrl, jsonBody } from '../body.js';
import type { SessionClient } from '../types.js';
import { validateWith } from './validate.js';

const bearer = (apiKey: string | null) => ({ authorization: `Bearer ${apiKey ?? ''}` });
const statusWord = (json: unknown) => firstText(json, [['status'], ['data', 'status'], ['order', 'status']]);
const normalize = (word: string | null) => lookupStatus('openxswitch', 'params.status', word) ?? (word ? 'pending' : 'unknown');

export const openxswitchClient: SessionClient = {
  provider: 'openxswitch',
  kind: 'swap',
  validate: (payload) => validateWith(openxswitchSwapPayload, payload),
  missing(creds) {
    const missing: string[] = [];
    if (!creds.baseUrl) missing.push(`a base URL for the ${creds.environment} environment`);
    if (!creds.apiKey) missing.push(`an API key for ${creds.environment} (sent as Authorization: Bearer)`);
    return missing;
  },
  // fromAmount is a string in OpenXSwitch's API schema: it is sent as typed, quoted.
  build: (payload, ctx) => ({
    method: 'POST',
    url: joinUrl(ctx.creds.baseUrl, '/v1/instant-swap'),
    headers: { 'content-type': 'application/json', ...bearer(ctx.creds.apiKey) },
    body: jsonBody(payload),
    signatureHeaders: [],
  }),
  interpretCreate(payload, answer) {
    const id = answer ? firstText(answer.json, [['id'], ['swapId'], ['data', 'id'], ['data', 'swapId']]) : null;
    const word = answer ? statusWord(answer.json) : null;
    return {
      providerSessionId: id,
      links: [],
      providerState: word,
      status: id ? normalize(word) : 'failed',
      // Swap webhooks carry params.id (swapId) and extId; walletId would link every event of the wallet.
      correlationKeys: new KeyCollector().add('swapId', id).add('extId', payload.extId).keys(),
    };
  },
  statusRequest: (session, ctx) => {
    const query = new URLSearchParams({ swapId: session.providerSessionId ?? '', walletId: String(session.payload.walletId ?? '') });
    return {
      method: 'GET',
      url: joinUrl(ctx.creds.baseUrl, `/v1/instant-swap/order?${query}`),
      headers: bearer(ctx.creds.apiKey),
      body: null,
      signatureHeaders: [],
    };
  },
  interpretStatus(answer) {
    const word = statusWord(answer.json);
    return { providerState: word, status: normalize(word) };
  },
  explain: () => null,
  assumptions: () => [],
};
