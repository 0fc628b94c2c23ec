/**
 * InstaXchange: `POST /api/session`; creation auth is not documented (a setting: none,
 * x-api-key, Bearer). The id may come back as `sessionId` or `id`; the payment page link is
 * built from it with the template from Settings. Status: `GET /api/session/{id}/status`.
 */
import { checkInstaxchangeCurrencies, instaxchangeSessionPayload } from '../../../src-shared/sessions/instaxchange.js';
import { fillTemplate, type SessionSettings } from '../../../src-shared/sessions/settings.js';
import { lookupStatus } from '../../../src-shared/providers/status-map.js';
import { KeyCollector } from '../../providers/shared/extract.js';
import { firstText, joinUrl, jsonBody } from '../body.js';
import type { SessionClient } from '../types.js';
import { validateWith } from './validate.js';

const NUMBER_FIELDS = ['fromAmount', 'toAmount'];

/**
 * InstaXchange's key header is documented as x-api-key; the provider settings may name another.
 * Without a key the header is left out: an empty one would only look like a wrong key.
 */
export function instaxchangeKeyHeader(creds: { apiKey: string | null; apiKeyHeader: string | null }): Record<string, string> {
  return creds.apiKey ? { [creds.apiKeyHeader ?? 'x-api-key']: creds.apiKey } : {};
}

function creationAuthHeaders(settings: SessionSettings, creds: { apiKey: string | null; apiKeyHeader: string | null }): Record<string, string> {
  switch (settings.instaxchange.creationAuth) {
    case 'x-api-key':
      return instaxchangeKeyHeader(creds);
    case 'bearer':
      return { authorization: `Bearer ${creds.apiKey ?? ''}` };
    case 'none':
      return {};
  }
}

export const instaxchangeClient: SessionClient = {
  provider: 'instaxchange',
  kind: 'session',
  validate: (payload, settings) =>
    validateWith(instaxchangeSessionPayload, payload, (value) =>
      checkInstaxchangeCurrencies(value as { fromCurrency: string; toCurrency: string }, settings.instaxchange),
    ),
  missing(creds, settings) {
    const missing: string[] = [];
    if (!creds.baseUrl) missing.push(`a base URL for the ${creds.environment} environment`);
    if (settings.instaxchange.creationAuth !== 'none' && !creds.apiKey)
      missing.push(`an API key for ${creds.environment} (Settings → Sessions sends it as ${settings.instaxchange.creationAuth})`);
    return missing;
  },
  build: (payload, ctx) => ({
    method: 'POST',
    url: joinUrl(ctx.creds.baseUrl, '/api/session'),
    headers: { 'content-type': 'application/json', ...creationAuthHeaders(ctx.settings, ctx.creds) },
    body: jsonBody(payload, NUMBER_FIELDS),
    signatureHeaders: [],
  }),
  interpretCreate(payload, answer, ctx) {
    const id = answer ? firstText(answer.json, [['sessionId'], ['id'], ['data', 'sessionId'], ['data', 'id']]) : null;
    const status = answer ? firstText(answer.json, [['sessionStatus'], ['status']]) : null;
    return {
      providerSessionId: id,
      links: id ? [{ label: 'Payment page', url: joinUrl(ctx.creds.baseUrl, fillTemplate(ctx.settings.instaxchange.paymentLinkTemplate, { id })) }] : [],
      providerState: status,
      status: id ? (lookupStatus('instaxchange', 'data.status', status) ?? 'created') : 'failed',
      // The webhook carries webhookRef back as `reference` and the session id as data.sessionId.
      correlationKeys: new KeyCollector().add('sessionId', id).add('reference', payload.webhookRef).keys(),
    };
  },
  statusRequest: (session, ctx) => ({
    method: 'GET',
    url: joinUrl(ctx.creds.baseUrl, `/api/session/${encodeURIComponent(session.providerSessionId ?? '')}/status`),
    headers: instaxchangeKeyHeader(ctx.creds),
    body: null,
    signatureHeaders: [],
  }),
  interpretStatus(answer) {
    const state = firstText(answer.json, [['sessionStatus'], ['status'], ['data', 'status']]);
    return { providerState: state, status: lookupStatus('instaxchange', 'data.status', state) ?? 'unknown' };
  },
  explain: () => null,
  assumptions: (settings) => [
    `Creation auth: ${settings.instaxchange.creationAuth} (not documented by InstaXchange; set under Settings → Sessions)`,
    `Payment page link: ${settings.instaxchange.paymentLinkTemplate} on the base URL (configurable)`,
  ],
};
