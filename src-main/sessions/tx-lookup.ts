/**
 * InstaXchange withdraw tx hash lookup (seed 000, "Getting blockchain hash"). The seed's URL
 * was cut off, so the path is a setting with `{withdrawTxId}`; the answer's hash field name is
 * not documented either, so common names are read and a bare hash body is accepted.
 */
import { ApiError } from '../../src-shared/contract/errors.js';
import type { ProviderEnvironment } from '../../src-shared/contract/providers.js';
import type { TxLookup } from '../../src-shared/sessions/domain.js';
import { fillTemplate, type SessionSettings } from '../../src-shared/sessions/settings.js';
import type { ProviderCredentials } from '../services/provider-config.js';
import type { SessionStore } from '../store/sessions-types.js';
import type { DeliveryStore } from '../store/types.js';
import { isPlaceholder, textAt } from '../providers/shared/json-path.js';
import { parseLosslessJson } from '../providers/shared/lossless-json.js';
import { newId } from '../store/ids.js';
import { firstText, joinUrl } from './body.js';
import { exchange } from './exchange.js';
import { SEND_TIMEOUT_MS } from './http.js';
import { instaxchangeClient } from './clients/instaxchange.js';
import type { BuiltRequest, ProviderAnswer } from './types.js';
import { instaxchangeKeyHeader } from './clients/instaxchange.js';

export interface TxLookupDeps {
  sessions: SessionStore;
  deliveries: Pick<DeliveryStore, 'get'>;
  settings: { get(): Promise<SessionSettings> };
  credentials(provider: 'instaxchange', environment?: ProviderEnvironment): Promise<ProviderCredentials>;
  audit: { record(action: string, subject: string | null, summary: string, details?: Record<string, unknown>): Promise<void> };
  timeoutMs?: number;
}

export interface TxLookupInput {
  sessionId?: string;
  deliveryId?: string;
  withdrawTxId?: string;
  currency?: string;
  environment?: ProviderEnvironment;
}

const HASH_RE = /^(?:0x)?[0-9a-fA-F]{16,128}$/;

export function hashFrom(answer: ProviderAnswer): string | null {
  const named = firstText(answer.json, [
    ['hash'],
    ['txHash'],
    ['transactionHash'],
    ['blockchainHash'],
    ['blockChainHash'],
    ['tx_hash'],
    ['txid'],
    ['data', 'hash'],
    ['data', 'txHash'],
    ['data', 'transactionHash'],
    ['data', 'blockchainHash'],
  ]);
  if (named) return named;
  const bare = answer.body?.trim().replace(/^"|"$/g, '') ?? '';
  return HASH_RE.test(bare) ? bare : null;
}

export function explorerUrlFor(settings: SessionSettings, currency: string | null, hash: string | null): string | null {
  if (!currency || !hash) return null;
  const links = settings.instaxchange.explorerLinks;
  const template = links[currency] ?? Object.entries(links).find(([code]) => code.toUpperCase() === currency.toUpperCase())?.[1];
  return template ? fillTemplate(template, { hash }) : null;
}

/** The withdraw tx id and currency an InstaXchange webhook body carries. */
function fromWebhookBody(body: Uint8Array | null): { withdrawTxId: string | null; currency: string | null } {
  const parsed = body ? parseLosslessJson(Buffer.from(body).toString('utf8')) : null;
  if (!parsed?.ok) return { withdrawTxId: null, currency: null };
  const json = parsed.value;
  const id = textAt(json, 'invoiceData', 'Withdraw_tx_ID');
  // "0.0421399418187522 LTC": the currency is the last word.
  const amountWords = textAt(json, 'invoiceData', 'Withdraw_tx_amount')?.trim().split(/\s+/);
  const currency = (amountWords && amountWords.length > 1 ? amountWords[amountWords.length - 1] : null) ?? textAt(json, 'data', 'cryptoCurrency');
  return { withdrawTxId: id && !isPlaceholder(id) ? id : null, currency: currency ?? null };
}

export class TxLookupService {
  constructor(private readonly deps: TxLookupDeps) {}

  private async resolve(input: TxLookupInput) {
    let withdrawTxId = input.withdrawTxId ?? null;
    let currency = input.currency ?? null;
    let environment = input.environment;
    if (input.deliveryId) {
      const delivery = await this.deps.deliveries.get(input.deliveryId);
      if (!delivery) throw new ApiError('not_found', `There is no delivery ${input.deliveryId}.`);
      if (delivery.provider !== 'instaxchange') throw new ApiError('bad_request', 'Withdraw tx hash lookups exist only for InstaXchange webhooks.');
      const found = fromWebhookBody(delivery.body);
      withdrawTxId ??= found.withdrawTxId;
      currency ??= found.currency;
    }
    if (input.sessionId) {
      const session = await this.deps.sessions.get(input.sessionId);
      if (!session) throw new ApiError('not_found', `There is no session ${input.sessionId}.`);
      if (session.provider !== 'instaxchange') throw new ApiError('bad_request', 'Withdraw tx hash lookups exist only for InstaXchange sessions.');
      environment ??= session.environment;
      currency ??= typeof session.payload.toCurrency === 'string' ? session.payload.toCurrency : null;
      // A completed session's withdraw tx id arrives in a status answer or in its webhook.
      for (const call of [...session.calls].reverse()) {
        const json = call.response?.body ? parseLosslessJson(call.response.body) : null;
        withdrawTxId ??= json?.ok
          ? firstText(json.value, [['withdrawTxId'], ['Withdraw_tx_ID'], ['invoiceData', 'Withdraw_tx_ID'], ['data', 'withdrawTxId']])
          : null;
      }
      if (!withdrawTxId) {
        const values = session.correlationKeys.map((k) => k.value);
        for (const linked of await this.deps.sessions.deliveriesWithKeyValues(values, 20)) {
          if (withdrawTxId || linked.provider !== 'instaxchange') continue;
          const delivery = await this.deps.deliveries.get(linked.id);
          const found = fromWebhookBody(delivery?.body ?? null);
          withdrawTxId = found.withdrawTxId;
          currency ??= found.currency;
          input = { ...input, deliveryId: input.deliveryId ?? (withdrawTxId ? linked.id : undefined) };
        }
      }
    }
    if (!withdrawTxId || isPlaceholder(withdrawTxId))
      throw new ApiError('bad_request', 'No withdraw tx id: the webhook or session does not carry invoiceData.Withdraw_tx_ID yet. Type it in to look it up.', [
        { path: 'withdrawTxId', message: 'Required' },
      ]);
    return { withdrawTxId, currency, environment, deliveryId: input.deliveryId ?? null, sessionId: input.sessionId ?? null };
  }

  async lookup(input: TxLookupInput): Promise<TxLookup> {
    const settings = await this.deps.settings.get();
    const template = settings.instaxchange.txLookupPathTemplate;
    if (!template)
      throw new ApiError('bad_request', "Set the withdraw tx lookup path under Settings → Sessions first (the seed document's URL was cut off).", [
        { path: 'txLookupPathTemplate', message: 'Not set' },
      ]);
    const target = await this.resolve(input);
    const creds = await this.deps.credentials('instaxchange', target.environment);
    if (!creds.baseUrl) throw new ApiError('bad_request', `No InstaXchange base URL for the ${creds.environment} environment.`);
    const request: BuiltRequest = {
      method: 'GET',
      url: joinUrl(creds.baseUrl, fillTemplate(template, { withdrawTxId: target.withdrawTxId })),
      // Documented for the status call; assumed here too. Sent only when one is set.
      headers: creds.apiKey ? instaxchangeKeyHeader(creds) : {},
      body: null,
      signatureHeaders: [],
    };
    const now = new Date();
    const done = await exchange('status', instaxchangeClient, request, creds, { timeoutMs: this.deps.timeoutMs ?? SEND_TIMEOUT_MS, at: now });
    const hash = done.call.ok && done.answer ? hashFrom(done.answer) : null;
    const error =
      done.call.error ??
      (hash ? null : 'The answer carries no recognisable hash (looked for hash, txHash, transactionHash… or a bare hex body). See the answer below.');
    const lookup: TxLookup = {
      id: newId('txl'),
      at: now.toISOString(),
      provider: 'instaxchange',
      withdrawTxId: target.withdrawTxId,
      currency: target.currency,
      hash,
      explorerUrl: explorerUrlFor(settings, target.currency, hash),
      sessionId: target.sessionId,
      deliveryId: target.deliveryId,
      pathTemplate: template,
      request: done.call.request,
      response: done.call.response,
      ok: error === null,
      error,
    };
    await this.deps.sessions.saveTxLookup(lookup);
    await this.deps.audit.record(
      'session.txLookup',
      target.sessionId ?? target.deliveryId,
      `Looked up the blockchain hash of withdraw tx ${target.withdrawTxId}`,
      {
        environment: creds.environment,
        httpStatus: lookup.response?.status ?? null,
        found: hash !== null,
      },
    );
    return lookup;
  }

  list(deliveryId: string): Promise<TxLookup[]> {
    return this.deps.sessions.txLookups({ deliveryIds: [deliveryId] });
  }
}
