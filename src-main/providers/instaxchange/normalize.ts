/** InstaXchange: a card-to-crypto on-ramp, so every event is a deposit; status is `data.status`. */
import { createHash } from 'node:crypto';
import type { CorrelationKey, NormalizedEvent } from '../../../src-shared/domain/normalized.js';
import { lookupStatus } from '../../../src-shared/providers/status-map.js';
import type { ParsedWebhook } from '../types.js';
import { amount, party, uniqueBy, KeyCollector } from '../shared/extract.js';
import { at, isPlaceholder, textAt } from '../shared/json-path.js';
import { providerTimeAt } from '../shared/event-time.js';
import { stringifyCanonical } from '../shared/serialize.js';

export function normalizeInstaxchange(parsed: ParsedWebhook): NormalizedEvent {
  const data = at(parsed.json, 'data');
  const invoice = at(parsed.json, 'invoiceData');
  const status = textAt(data, 'status');
  return {
    eventType: parsed.eventType,
    status: lookupStatus('instaxchange', 'data.status', status) ?? 'unknown',
    providerStatus: status,
    direction: 'deposit',
    amounts: [
      ...amount('fiat', at(data, 'amountInFiat'), at(data, 'fiatCurrency')),
      ...amount('crypto', at(data, 'amountInCrypto'), at(data, 'cryptoCurrency')),
    ],
    parties: uniqueBy([
      ...party('recipient', 'wallet', at(data, 'walletAddress')),
      ...party('recipient', 'wallet', at(invoice, 'Wallet_address')),
      ...party('payer', 'email', at(invoice, 'Email')),
      ...party('payer', 'name', at(invoice, 'Name')),
      ...party('payer', 'card', at(invoice, 'Credit_card_number')),
    ]),
    // The webhook's own createdAt; data.createdAt is the session's, used only when it is missing.
    eventTime: providerTimeAt(parsed.json, [['createdAt'], ['data', 'createdAt']]),
    statusReason: textAt(data, 'statusReason'),
  };
}

export function instaxchangeCorrelationKeys(parsed: ParsedWebhook): CorrelationKey[] {
  const json = parsed.json;
  return new KeyCollector()
    .add('reference', at(json, 'reference'))
    .add('sessionId', at(json, 'data', 'sessionId'))
    .add('transactionId', at(json, 'transactionId'))
    .add('depositTxId', at(json, 'invoiceData', 'Deposit_tx_ID'))
    .add('withdrawTxId', at(json, 'invoiceData', 'Withdraw_tx_ID'))
    .add('wdId', at(json, 'data', 'additionalData', 'wdId'))
    .add('invoiceId', at(json, 'invoiceData', 'Invoice_ID'))
    .keys();
}

/**
 * No per-event id is documented (`webhookId` names the dashboard webhook, shared by all its
 * events), so a transaction reaching a status identifies the event; retries repeat both. When the
 * transaction id is masked or absent, only the whole content can tell events apart: the id is
 * then a hash of it (keys sorted, numbers exact), so a retry matches and another payment never does.
 */
export function instaxchangeEventId(json: unknown): string | null {
  const tx = textAt(json, 'transactionId');
  const status = textAt(json, 'data', 'status');
  if (tx && status && !isPlaceholder(tx)) return `${tx}:${status}`;
  const content = createHash('sha256').update(stringifyCanonical(json)).digest('hex').slice(0, 32);
  return `${textAt(json, 'webhookId') ?? 'webhook'}:content-${content}`;
}
