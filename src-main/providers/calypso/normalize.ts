/** Calypso: status from the event type, direction from its service prefix, ids from `data`. */
import type { CorrelationKey, NormalizedEvent, PaymentDirection } from '../../../src-shared/domain/normalized.js';
import { lookupStatus } from '../../../src-shared/providers/status-map.js';
import type { ParsedWebhook } from '../types.js';
import { amount, party, KeyCollector } from '../shared/extract.js';
import { at, textAt } from '../shared/json-path.js';
import { providerTimeAt } from '../shared/event-time.js';
import { isJsonObject } from '../shared/lossless-json.js';
import { markListed } from '../shared/currency-check.js';
import { calypsoCurrencyLists } from '../../../src-shared/providers/currencies.js';

const DIRECTIONS: [prefix: string, direction: PaymentDirection][] = [
  ['FIAT_APPLIER_WITHDRAWAL_', 'withdrawal'],
  ['PAYOUT_', 'payout'],
  ['INVOICE_', 'deposit'],
  ['FIAT_APPLIER_', 'deposit'],
  ['CUSTOMER_PURSE_', 'deposit'],
  ['TOP_UP_', 'deposit'],
  ['WALLET_FUNDS_', 'deposit'],
];

/** `parentExternalId` is a per-service counter, so its kind names the service to avoid false links. */
const PARENT_KINDS: [prefix: string, kind: string][] = [
  ['INVOICE_', 'invoiceId'],
  ['PAYOUT_', 'payoutId'],
  ['FIAT_APPLIER_', 'fiatOrderId'],
];

export function calypsoEventType(json: unknown): string | null {
  return textAt(json, 'eventType') ?? textAt(json, 'data', 'type');
}

export function normalizeCalypso(parsed: ParsedWebhook): NormalizedEvent {
  const eventType = parsed.eventType;
  const data = at(parsed.json, 'data');
  const field = (name: string): unknown => at(data, name);
  const currency = field('currency');
  const fiatCurrency = field('fiatCurrency') ?? field('fiatcurrency');
  const fiat = field('fiatAmount');
  const fiatAmounts = isJsonObject(fiat)
    ? Object.entries(fiat).flatMap(([cur, value]) => amount('fiat', value, cur))
    : amount('fiat', fiat, typeof fiatCurrency === 'string' ? fiatCurrency : null);
  const approvers = field('approved');
  const lists = calypsoCurrencyLists(eventType);
  return {
    eventType,
    status: (eventType && lookupStatus('calypso', 'eventType', eventType)) || 'unknown',
    providerStatus: textAt(data, 'payoutStatus') ?? textAt(data, 'state') ?? eventType,
    direction: DIRECTIONS.find(([p]) => eventType?.startsWith(p))?.[1] ?? 'unknown',
    amounts: markListed(
      [
        ...amount('amount', field('amount'), currency),
        ...amount('paid', field('realAmount'), currency),
        ...amount('fee', field('serviceFee'), currency),
        ...amount('adjusted', field('sumAfterAdjustment'), currency),
        ...fiatAmounts,
      ],
      (role) => (role === 'fiat' ? lists.fiat : lists.crypto),
    ),
    parties: [
      ...party('sender', 'wallet', field('senderAddress')),
      ...party('invoice', 'wallet', field('invoiceAddress')),
      ...party('customer', 'user', field('customerId')),
      ...(Array.isArray(approvers) ? approvers.flatMap((a) => party('approver', 'user', a)) : []),
    ],
    // The envelope's createdDate is the event's; data.createdDate is the invoice's or payout's.
    eventTime: providerTimeAt(parsed.json, [['createdDate'], ['data', 'createdDate']]),
    // reason: failed fiat orders and c2f withdrawals; validationStatus: payout validation errors.
    statusReason: textAt(data, 'reason') ?? textAt(data, 'validationStatus') ?? textAt(data, 'reasonType'),
  };
}

export function calypsoCorrelationKeys(parsed: ParsedWebhook): CorrelationKey[] {
  const data = at(parsed.json, 'data');
  const field = (name: string): unknown => at(data, name);
  const type = parsed.eventType ?? '';
  const parentKind = PARENT_KINDS.find(([p]) => type.startsWith(p))?.[1] ?? 'parentExternalId';
  return new KeyCollector()
    .add(parentKind, field('parentExternalId'))
    .add('idempotencyKey', field('idempotencyKey'))
    .add('externalId', field('externalId'))
    .add('transactionHash', field('transactionHash'))
    .add('transactionHash', field('hash'))
    .add('transactionId', field('transactionId'))
    .add('transactionId', field('transactionIds'))
    .add('purseId', field('purseId'))
    .add('customerId', field('customerId'))
    .add('orderId', field('orderId'))
    .add('dealWithdrawalId', field('dealWithdrawalId'))
    .keys();
}
