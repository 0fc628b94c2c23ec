/** Paychant: status from the event code, direction from `data.action` (BUY on-ramp, SELL off-ramp). */
import type { CorrelationKey, NormalizedEvent } from '../../../src-shared/domain/normalized.js';
import { lookupStatus } from '../../../src-shared/providers/status-map.js';
import type { ParsedWebhook } from '../types.js';
import { amount, party, KeyCollector } from '../shared/extract.js';
import { at, textAt } from '../shared/json-path.js';
import { providerTimeAt } from '../shared/event-time.js';

export function normalizePaychant(parsed: ParsedWebhook): NormalizedEvent {
  const data = at(parsed.json, 'data');
  const field = (name: string): unknown => at(data, name);
  const fiat = textAt(data, 'fiat');
  const asset = textAt(data, 'asset');
  const action = textAt(data, 'action')?.toUpperCase();
  return {
    eventType: parsed.eventType,
    status: (parsed.eventType && lookupStatus('paychant', 'event', parsed.eventType)) || 'unknown',
    providerStatus: textAt(parsed.json, 'event'),
    direction: action === 'BUY' ? 'deposit' : action === 'SELL' ? 'withdrawal' : 'unknown',
    amounts: [
      ...amount('fiat', field('fiatAmount'), fiat),
      ...amount('asset', field('assetAmount'), asset),
      ...amount('exchangeRate', field('exchangeRate'), fiat && asset ? `${fiat}/${asset}` : null),
    ],
    parties: [...party('user', 'wallet', field('userAddress')), ...party('payment address', 'wallet', field('cryptoAddress'))],
    environment: textAt(data, 'env'),
    eventTime: providerTimeAt(parsed.json, [['data', 'date']]),
  };
}

export function paychantCorrelationKeys(parsed: ParsedWebhook): CorrelationKey[] {
  const data = at(parsed.json, 'data');
  return new KeyCollector().add('pid', at(data, 'pid')).add('transactionRef', at(data, 'transactionRef')).keys();
}
