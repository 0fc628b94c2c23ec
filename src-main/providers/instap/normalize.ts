/** Instap: every notification is a deposit; `paymentStatus.paymentStatus` says correct / under / over. */
import type { CorrelationKey, NormalizedEvent } from '../../../src-shared/domain/normalized.js';
import { lookupStatus } from '../../../src-shared/providers/status-map.js';
import type { ParsedWebhook } from '../types.js';
import { amount, party, KeyCollector } from '../shared/extract.js';
import { at, textAt } from '../shared/json-path.js';
import { providerTimeAt } from '../shared/event-time.js';
import { isJsonObject } from '../shared/lossless-json.js';
import { instapKnownFields } from './schemas.js';
import { markListed } from '../shared/currency-check.js';
import { instapBlockchainCurrencies, instapConvertedFiat } from '../../../src-shared/providers/currencies.js';

export function normalizeInstap(parsed: ParsedWebhook): NormalizedEvent {
  const json = parsed.json;
  const payment = at(json, 'paymentStatus');
  const word = textAt(payment, 'paymentStatus');
  const converted = at(json, 'convertedAmount');
  return {
    eventType: parsed.eventType,
    status: lookupStatus('instap', 'paymentStatus.paymentStatus', word) ?? 'unknown',
    providerStatus: word,
    direction: 'deposit',
    amounts: markListed(
      [
        ...amount('blockchain', at(json, 'blockChainAmount'), at(json, 'blockChainCurrency')),
        ...(Array.isArray(converted) ? converted.flatMap((c) => amount('converted', at(c, 'convertedValue'), at(c, 'fiatCurrency'))) : []),
        ...amount('paid (USD)', at(payment, 'actualPaymentInUsd'), 'USD'),
        ...amount('minimum (USD)', at(payment, 'minAmountToBePaidInUsd'), 'USD'),
        ...amount('maximum (USD)', at(payment, 'maxAmountToBePaidInUsd'), 'USD'),
      ],
      (role) => (role === 'blockchain' ? instapBlockchainCurrencies : role === 'converted' ? instapConvertedFiat : null),
    ),
    parties: [...party('depositor', 'user', at(json, 'userId')), ...party('depositor', 'name', at(json, 'userName'))],
    eventTime: providerTimeAt(json, [['date']]),
  };
}

const known = new Set<string>(instapKnownFields);
const TOKEN_RE = /^[A-Za-z0-9_\-.:]{8,200}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}/;

/**
 * The session token's field name is not documented, so unknown top-level strings shaped like a
 * token (8+ id characters with a digit, not a date) are offered as candidates.
 */
export function instapCorrelationKeys(parsed: ParsedWebhook): CorrelationKey[] {
  const json = parsed.json;
  const keys = new KeyCollector().add('userId', at(json, 'userId')).add('blockChainTxId', at(json, 'blockChainTxId'));
  if (!isJsonObject(json)) return keys.keys();
  for (const [name, value] of Object.entries(json)) {
    if (known.has(name) || typeof value !== 'string') continue;
    if (/session|token|operation/i.test(name)) keys.add('sessionToken', value);
    else if (TOKEN_RE.test(value) && /\d/.test(value) && !DATE_RE.test(value)) keys.add('candidateSessionToken', value);
  }
  return keys.keys();
}

/** A deposit transaction is notified once per outcome, so tx id + payment status identifies it. */
export function instapEventId(json: unknown): string | null {
  const tx = textAt(json, 'blockChainTxId');
  if (!tx) return null;
  const word = textAt(json, 'paymentStatus', 'paymentStatus');
  return word ? `${tx}:${word}` : tx;
}
