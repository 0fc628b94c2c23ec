/**
 * Calypso invoice creation: `Key` = API public key (the API key setting), `Sign` = hex
 * HMAC-SHA512 of the exact body with the secret key (the HMAC secret setting). The body carries
 * `timestamp` (ms; Calypso allows ±3 min) and `account`, the invoice under `payload`.
 */
import { randomUUID } from 'node:crypto';
import { calypsoInvoicePayload } from '../../../src-shared/sessions/others.js';
import { calypsoRequestHeaders } from '../../providers/calypso/index.js';
import { KeyCollector } from '../../providers/shared/extract.js';
import { JsonNumber, stringifyLossless } from '../../providers/shared/lossless-json.js';
import { firstText, joinUrl } from '../body.js';
import { providerMessage } from '../explain.js';
import type { BuildContext, BuiltRequest, SessionClient } from '../types.js';
import { validateWith } from './validate.js';

const ERRORS: Record<string, string> = {
  '002': 'Calypso error 002: invalid API key. The API key (public key, sent as Key) is not one Calypso knows for this environment.',
  '003': 'Calypso error 003: wrong sign. The Sign header does not match the body: the HMAC secret set here is not the secret key paired with this public key.',
  '011': "Calypso error 011: invalid nonce/timestamp. The body's timestamp is more than 3 minutes from Calypso's clock: check this machine's time.",
  '016': 'Calypso error 016: this idempotencyKey was used before. Leave it empty to generate a new one, or look up the invoice already created with it.',
};

function signed(path: string, fields: Record<string, unknown>, ctx: BuildContext): BuiltRequest {
  const body = stringifyLossless({ timestamp: new JsonNumber(String(ctx.now.getTime())), ...fields });
  return {
    method: 'POST',
    url: joinUrl(ctx.creds.baseUrl, path),
    headers: calypsoRequestHeaders(body, { publicKey: ctx.creds.apiKey ?? '', secretKey: ctx.creds.hmacSecret ?? '' }),
    body,
    signatureHeaders: ['Sign'],
  };
}

function invoicePayload(payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { currency: payload.currency };
  if (typeof payload.amount === 'string') out.amount = new JsonNumber(payload.amount);
  for (const key of ['idempotencyKey', 'externalId']) if (payload[key] !== undefined) out[key] = payload[key];
  return out;
}

export const calypsoClient: SessionClient = {
  provider: 'calypso',
  kind: 'invoice',
  validate: (payload) => validateWith(calypsoInvoicePayload, payload),
  missing(creds) {
    const missing: string[] = [];
    if (!creds.baseUrl) missing.push(`a base URL for the ${creds.environment} environment`);
    if (!creds.apiKey) missing.push(`an API key for ${creds.environment} (Calypso's public key, sent as Key)`);
    if (!creds.hmacSecret) missing.push(`an HMAC secret for ${creds.environment} (Calypso's secret key, it makes Sign)`);
    return missing;
  },
  complete: (payload) => ({ ...payload, idempotencyKey: payload.idempotencyKey ?? randomUUID() }),
  build: (payload, ctx) =>
    signed(
      `/api/v1/invoice/${payload.invoiceType === 'unlimited' ? 'unlimited' : 'single'}/create`,
      { account: payload.account, payload: invoicePayload(payload) },
      ctx,
    ),
  interpretCreate(payload, answer) {
    const id = answer ? firstText(answer.json, [['id'], ['data', 'id'], ['invoiceId'], ['data', 'invoiceId']]) : null;
    const address = answer ? firstText(answer.json, [['address'], ['data', 'address']]) : null;
    const link = answer ? firstText(answer.json, [['paymentUrl'], ['url'], ['data', 'paymentUrl'], ['data', 'url']]) : null;
    return {
      providerSessionId: id,
      links: link ? [{ label: 'Invoice page', url: link }] : [],
      providerState: answer ? firstText(answer.json, [['state'], ['status'], ['data', 'state']]) : null,
      status: id ? 'created' : 'failed',
      // Invoice webhooks carry the invoice id as parentExternalId (kind invoiceId), and our keys.
      correlationKeys: new KeyCollector()
        .add('invoiceId', id)
        .add('idempotencyKey', payload.idempotencyKey)
        .add('externalId', payload.externalId)
        .add('address', address)
        .keys(),
    };
  },
  statusRequest: (session, ctx) =>
    signed(
      '/api/v1/invoice',
      {
        account: session.payload.account,
        payload: session.providerSessionId ? { id: session.providerSessionId } : { idempotencyKey: session.payload.idempotencyKey },
      },
      ctx,
    ),
  interpretStatus(answer) {
    const state = firstText(answer.json, [['state'], ['status'], ['data', 'state'], ['data', 'status']]);
    const word = state?.toUpperCase() ?? '';
    const status = word.includes('PAID') || word.includes('COMPLETE') ? 'completed' : word.includes('EXPIRED') ? 'expired' : state ? 'pending' : 'unknown';
    return { providerState: state, status };
  },
  explain(answer) {
    const code = firstText(answer.json, [['code'], ['error', 'code'], ['errorCode']]);
    const known = code ? ERRORS[code.padStart(3, '0')] : undefined;
    if (known) return known;
    // Calypso reports some errors with HTTP 200 and a code; the generic path only sees non-2xx.
    return code && answer.status >= 300 ? `Calypso error ${code}: ${providerMessage(answer) ?? 'no message'}` : null;
  },
  assumptions: () => [
    'Invoice read for refresh: POST /api/v1/invoice with {timestamp, account, payload: {id | idempotencyKey}} (the body layout of the read call is assumed from the create call)',
  ],
};
