/** Known event types per provider, with one line each from the provider documents. */
import type { ProviderId } from '../domain/provider.js';

export interface EventTypeInfo {
  type: string;
  description: string;
  /** Other spellings the provider uses for the same event. */
  aliases?: readonly string[];
  /** False when seen only in integrations, not in the provider's documents. */
  documented?: boolean;
}

const calypso: EventTypeInfo[] = [
  ['INVOICE_CREATE_INVOICE', 'A single invoice was created.'],
  ['INVOICE_CREATE_UNLIMITED_INVOICE', 'An unlimited invoice was created.'],
  ['INVOICE_FUNDS_RECEIVED_FOR_INVOICE', 'Funds were received to the invoice wallet.'],
  ['INVOICE_PENDING_INTERVENTION', 'The invoice needs manual intervention.'],
  ['INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED', "The invoice's funds were moved to the account."],
  ['INVOICE_EXPIRED', 'The invoice expired.'],
  ['INVOICE_PAID', 'The invoice was paid.'],
  ['INVOICE_MEMPOOL_FOUND', 'An incoming transaction to the invoice wallet was found in the mempool.'],
  ['INVOICE_COMPLIANCE_CHECK', 'A deposit to the invoice is under compliance check.'],
  ['INVOICE_COMPLIANCE_DECLINED', 'A deposit to the invoice was declined by compliance.'],
  ['FIAT_APPLIER_FIAT_FUNDS_RECEIVED', 'Fiat was received for a fiat order.'],
  ['FIAT_APPLIER_ORDER_UNPAID', 'A fiat order expired unpaid.'],
  ['FIAT_APPLIER_PAYMENT_FAILED', "A fiat order's payment failed."],
  ['FIAT_APPLIER_ADJUSTMENT', 'A fiat order was adjusted.'],
  ['FIAT_APPLIER_WITHDRAWAL_SUCCESS', 'A crypto-to-fiat (c2f) order succeeded.'],
  ['FIAT_APPLIER_WITHDRAWAL_FAILED', 'A crypto-to-fiat (c2f) order failed.'],
  ['CUSTOMER_PURSE_EXPIRED', "A customer's purse (address) expired."],
  ['CUSTOMER_PURSE_MEM_POOL_FOUND', "A transaction to a customer's purse was found in the mempool."],
  ['CUSTOMER_PURSE_PENDING_COMPLIANCE', "A transaction to a customer's purse is pending compliance."],
  ['CUSTOMER_PURSE_COMPLIANCE_DECLINED', "A transaction to a customer's purse was declined by compliance."],
  ['CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE', "Funds were received to a customer's purse."],
  ['PAYOUT_CHANGE_STATUS', "A payout's status changed."],
  ['PAYOUT_CONFIRMED', 'A payout was confirmed by its approvers.'],
  ['PAYOUT_VALIDATION_ERROR', 'A payout failed validation.'],
  ['TOP_UP_COMPLIANCE_CHECK', 'A top-up is under compliance check.'],
  ['TOP_UP_COMPLIANCE_DECLINED', 'A top-up was declined by compliance.'],
  ['WALLET_FUNDS_DELIVERED_ACCOUNT', 'Funds were delivered to the account wallet.'],
].map(([type, description]) => ({ type: type as string, description: description as string }));

const paychantCodes: EventTypeInfo[] = [
  ['CREATED', 'The transaction was created.'],
  ['AWAITING_PAYMENT', 'Waiting for the user to pay (BUY: fiat; SELL: crypto to a generated address).'],
  ['PAYMENT_CONFIRMED', 'Payment received (BUY: fiat; SELL: crypto, fiat transfer initiated).'],
  ['PAYMENT_COMPLETED', 'Done (BUY: crypto sent to the user; SELL: fiat delivered to the user).'],
  ['PAYMENT_INSUFFICIENT', 'The user paid less than required.'],
  ['PAYMENT_TIMEOUT', 'The user did not pay within the given timeframe.'],
  ['PAYMENT_FAILED', 'Failed: cancelled by the user, not paid in time, or a network problem.'],
  // The overview names these three: "your URL will receive notifications for the PROCESSING, COMPLETE, and FAILED statuses".
  ['PROCESSING', 'The transaction reached the processing status (named in the overview).'],
  ['COMPLETE', 'The transaction is complete (named in the overview).'],
  ['FAILED', 'The transaction failed (named in the overview).'],
].map(([type, description]) => ({ type: type as string, description: description as string, aliases: [`WIDGET.${type}`] }));

export const eventTypes: Record<ProviderId, readonly EventTypeInfo[]> = {
  instaxchange: [
    { type: 'completed', description: 'The payment session completed: fiat charged, crypto sent.' },
    { type: 'failed', description: 'The payment session failed; statusReason says why.' },
    { type: 'cancelled', description: 'The payment session was cancelled.', documented: false },
    { type: 'refunded', description: 'The payment was refunded.', documented: false },
  ],
  instap: [{ type: 'depositEventObject', description: "A blockchain deposit for a user's deposit tracking session." }],
  openxswitch: [
    { type: 'deposit.pending', description: 'A deposit was detected and is pending.' },
    { type: 'deposit.accepted', description: 'A deposit was accepted.' },
    { type: 'deposit.updated', description: 'A deposit was updated.' },
    { type: 'deposit.success', description: 'A deposit was credited.' },
    { type: 'withdraw.unconfirmed', description: 'A withdrawal was sent and is not yet confirmed.' },
    { type: 'withdraw.confirmed', description: 'A withdrawal was confirmed.' },
    { type: 'internal_transfer.initiated', description: 'An internal transfer was initiated.' },
    { type: 'internal_transfer.completed', description: 'An internal transfer completed.' },
    {
      type: 'instant_swap.completed',
      description: 'An instant swap was created and completed; wallet balances after the swap.',
      aliases: ['instant-swap.completed'],
    },
    { type: 'smart-accounts:deposit', description: 'Smart Accounts: deposit.' },
    { type: 'smart-accounts:withdraw', description: 'Smart Accounts: withdrawal.' },
    { type: 'smart-accounts:wallets', description: 'Smart Accounts: wallets.' },
  ],
  calypso,
  paychant: paychantCodes,
};

/** The catalogue's spelling of an event type, resolving aliases (`instant-swap.completed`). */
export function canonicalEventType(provider: ProviderId, type: string): string {
  const known = eventTypes[provider].find((e) => e.type === type || e.aliases?.includes(type));
  return known ? known.type : type;
}
