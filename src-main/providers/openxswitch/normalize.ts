/** OpenXSwitch: status from the method (refined by `params.status`), direction from its family. */
import type { Balance, CorrelationKey, NormalizedEvent, NormalizedStatus, PaymentDirection } from '../../../src-shared/domain/normalized.js';
import { lookupStatus } from '../../../src-shared/providers/status-map.js';
import type { ParsedWebhook } from '../types.js';
import { amount, party, KeyCollector } from '../shared/extract.js';
import { at, decimalOf, textAt } from '../shared/json-path.js';
import { providerTimeAt } from '../shared/event-time.js';

const FAMILIES: [prefix: string, direction: PaymentDirection, idKind: string][] = [
  ['deposit.', 'deposit', 'depositId'],
  ['withdraw.', 'withdrawal', 'withdrawId'],
  ['internal_transfer.', 'transfer', 'transferId'],
  ['instant_swap.', 'swap', 'swapId'],
  ['smart-accounts:deposit', 'deposit', 'depositId'],
  ['smart-accounts:withdraw', 'withdrawal', 'withdrawId'],
];

const familyOf = (method: string | null) => FAMILIES.find(([p]) => method?.startsWith(p));

function statusOf(method: string | null, paramsStatus: string | null): NormalizedStatus {
  const byMethod = method ? lookupStatus('openxswitch', 'method', method) : undefined;
  if (byMethod !== undefined && byMethod !== 'info') return byMethod;
  return lookupStatus('openxswitch', 'params.status', paramsStatus) ?? byMethod ?? 'unknown';
}

export function normalizeOpenxswitch(parsed: ParsedWebhook): NormalizedEvent {
  const params = at(parsed.json, 'params');
  const field = (name: string): unknown => at(params, name);
  const paramsStatus = textAt(params, 'status');
  return {
    eventType: parsed.eventType,
    status: statusOf(parsed.eventType, paramsStatus),
    providerStatus: paramsStatus ?? textAt(parsed.json, 'method'),
    direction: familyOf(parsed.eventType)?.[1] ?? 'unknown',
    amounts: [
      ...amount('from', field('fromAmount'), field('fromCoin')),
      ...amount('to', field('toAmount'), field('toCoin')),
      ...amount('amount', field('amount'), field('coin')),
      ...amount('fee', field('fee'), field('feeCoin') ?? field('coin')),
      // "Effective price of the swap (toAmount / fromAmount)": units of toCoin per fromCoin.
      ...amount('swap price', field('swapPrice'), swapPair(textAt(params, 'toCoin'), textAt(params, 'fromCoin'))),
    ],
    parties: [
      ...party('wallet', 'account', field('walletId')),
      ...party('wallet owner', 'email', at(params, 'wallet', 'email')),
      ...party('wallet', 'name', at(params, 'wallet', 'name')),
      ...party('client user', 'user', at(params, 'wallet', 'clientUserId')),
      ...party('sender', 'wallet', field('fromAddress')),
      ...party('recipient', 'wallet', field('toAddress')),
    ],
    // params.ts is the event's timestamp (seed 002); the envelope's timestamp and createdAt are fallbacks.
    eventTime: providerTimeAt(parsed.json, [['params', 'ts'], ['timestamp'], ['params', 'createdAt']]),
    balances: walletBalances(at(params, 'wallet')),
  };
}

const swapPair = (to: string | null, from: string | null) => (to && from ? `${to}/${from}` : null);

/** `params.wallet.assets[]`: each coin's balance (and frozen part) after the event, exact as received. */
function walletBalances(wallet: unknown): Balance[] {
  const assets = at(wallet, 'assets');
  if (!Array.isArray(assets)) return [];
  const account = textAt(wallet, 'id');
  return assets.flatMap((asset): Balance[] => {
    const currency = textAt(asset, 'coin');
    const balance = decimalOf(at(asset, 'balance'));
    if (!currency || balance === null) return [];
    return [{ account, currency, balance, frozen: decimalOf(at(asset, 'frozen')), updatedAt: textAt(asset, 'updatedAt') }];
  });
}

export function openxswitchCorrelationKeys(parsed: ParsedWebhook): CorrelationKey[] {
  const params = at(parsed.json, 'params');
  const field = (name: string): unknown => at(params, name);
  return new KeyCollector()
    .add(familyOf(parsed.eventType)?.[2] ?? 'id', field('id'))
    .add('quoteId', field('quoteId'))
    .add('clientTxId', field('clientTxId'))
    .add('extId', field('extId'))
    .add('walletId', field('walletId'))
    .add('walletId', at(params, 'wallet', 'id'))
    .add('walletId', field('fromWalletId'))
    .add('walletId', field('toWalletId'))
    .add('transactionHash', field('txHash'))
    .add('transactionHash', field('hash'))
    .keys();
}
