/**
 * Provider status → normalized status, as data: the one source of truth for the adapters, the
 * renderer's legend and docs/providers.md. `source` says where the status word is read from.
 */
import type { ProviderId } from '../domain/provider.js';
import type { NormalizedStatus } from '../domain/normalized.js';

export interface StatusMapping {
  source: string;
  value: string;
  status: NormalizedStatus;
  /** False when the word was seen in integrations or guessed, not in the provider's documents. */
  documented: boolean;
  note?: string;
}

const row = (source: string, value: string, status: NormalizedStatus, documented = true, note?: string): StatusMapping =>
  note === undefined ? { source, value, status, documented } : { source, value, status, documented, note };

export const statusMappings: Record<ProviderId, readonly StatusMapping[]> = {
  instaxchange: [
    row('data.status', 'completed', 'completed'),
    row('data.status', 'failed', 'failed', true, 'statusReason says why (e.g. "Do Not Honor")'),
    row('data.status', 'cancelled', 'cancelled', false, 'seen in integrations'),
    row('data.status', 'refunded', 'refunded', false, 'seen in integrations'),
    row('data.status', 'pending', 'pending', false, 'session status guess'),
    row('data.status', 'processing', 'confirming', false, 'session status guess'),
    row('data.status', 'initiated', 'created', false, 'session status guess'),
  ],
  instap: [
    row('paymentStatus.paymentStatus', 'correct', 'completed', true, 'paid within the min/max USD range'),
    row('paymentStatus.paymentStatus', 'underpaid', 'underpaid'),
    row('paymentStatus.paymentStatus', 'overpaid', 'overpaid'),
    row('sessionState', 'NEW', 'created', true, 'session query, not a notification'),
    row('sessionState', 'COMPLETED', 'completed', true, 'session query'),
    row('sessionState', 'EXPIRED', 'expired', true, 'session query'),
    row('sessionState', 'FAILED', 'failed', true, 'session query'),
  ],
  openxswitch: [
    row('method', 'deposit.pending', 'pending'),
    row('method', 'deposit.accepted', 'confirming', true, 'seen on chain, being credited'),
    row('method', 'deposit.updated', 'info', true, 'params.status refines it when present'),
    row('method', 'deposit.success', 'completed'),
    row('method', 'withdraw.unconfirmed', 'confirming'),
    row('method', 'withdraw.confirmed', 'completed'),
    row('method', 'internal_transfer.initiated', 'pending'),
    row('method', 'internal_transfer.completed', 'completed'),
    row('method', 'instant_swap.completed', 'completed', true, 'also written instant-swap.completed'),
    row('method', 'smart-accounts:deposit', 'info', true, 'params.status refines it when present'),
    row('method', 'smart-accounts:withdraw', 'info', true, 'params.status refines it when present'),
    row('method', 'smart-accounts:wallets', 'info'),
    row('params.status', 'pending', 'pending'),
    row('params.status', 'success', 'completed'),
    row('params.status', 'failed', 'failed', false),
  ],
  calypso: [
    row('eventType', 'INVOICE_CREATE_INVOICE', 'created'),
    row('eventType', 'INVOICE_CREATE_UNLIMITED_INVOICE', 'created'),
    row('eventType', 'INVOICE_MEMPOOL_FOUND', 'confirming', true, 'transaction seen in the mempool, not yet confirmed'),
    row('eventType', 'INVOICE_FUNDS_RECEIVED_FOR_INVOICE', 'completed', true, 'a deposit to the invoice arrived'),
    row('eventType', 'INVOICE_PAID', 'completed'),
    row('eventType', 'INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED', 'completed', true, 'funds moved to the merchant account'),
    row('eventType', 'INVOICE_PENDING_INTERVENTION', 'pending', true, 'needs manual intervention in Calypso'),
    row('eventType', 'INVOICE_EXPIRED', 'expired'),
    row('eventType', 'INVOICE_COMPLIANCE_CHECK', 'compliance_hold'),
    row('eventType', 'INVOICE_COMPLIANCE_DECLINED', 'failed', true, 'declined by compliance'),
    row('eventType', 'FIAT_APPLIER_FIAT_FUNDS_RECEIVED', 'completed'),
    row('eventType', 'FIAT_APPLIER_ORDER_UNPAID', 'expired', true, 'reasonType EXPIRED'),
    row('eventType', 'FIAT_APPLIER_PAYMENT_FAILED', 'failed'),
    row('eventType', 'FIAT_APPLIER_ADJUSTMENT', 'info', true, 'amount adjusted; see sumAfterAdjustment'),
    row('eventType', 'FIAT_APPLIER_WITHDRAWAL_SUCCESS', 'completed'),
    row('eventType', 'FIAT_APPLIER_WITHDRAWAL_FAILED', 'failed'),
    row('eventType', 'CUSTOMER_PURSE_MEM_POOL_FOUND', 'confirming'),
    row('eventType', 'CUSTOMER_PURSE_PENDING_COMPLIANCE', 'compliance_hold'),
    row('eventType', 'CUSTOMER_PURSE_COMPLIANCE_DECLINED', 'failed', true, 'declined by compliance'),
    row('eventType', 'CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE', 'completed'),
    row('eventType', 'CUSTOMER_PURSE_EXPIRED', 'expired'),
    row('eventType', 'PAYOUT_CHANGE_STATUS', 'pending', true, 'payoutStatus values are not documented; shown as received'),
    row('eventType', 'PAYOUT_CONFIRMED', 'pending', true, "approved by the account's approvers, not yet settled"),
    row('eventType', 'PAYOUT_VALIDATION_ERROR', 'failed'),
    row('eventType', 'TOP_UP_COMPLIANCE_CHECK', 'compliance_hold'),
    row('eventType', 'TOP_UP_COMPLIANCE_DECLINED', 'failed', true, 'declined by compliance'),
    row('eventType', 'WALLET_FUNDS_DELIVERED_ACCOUNT', 'completed'),
  ],
  paychant: [
    row('event', 'CREATED', 'created'),
    row('event', 'AWAITING_PAYMENT', 'pending'),
    row('event', 'PAYMENT_CONFIRMED', 'confirming', true, 'payment received, delivery to the user in progress'),
    row('event', 'PAYMENT_COMPLETED', 'completed'),
    row('event', 'PAYMENT_INSUFFICIENT', 'underpaid'),
    row('event', 'PAYMENT_TIMEOUT', 'expired'),
    row('event', 'PAYMENT_FAILED', 'failed'),
    row('event', 'PROCESSING', 'confirming', true, 'named in the overview'),
    row('event', 'COMPLETE', 'completed', true, 'named in the overview'),
    row('event', 'FAILED', 'failed', true, 'named in the overview'),
  ],
};

/** The normalized status for a provider's word read from `source`, or undefined if unmapped. */
export function lookupStatus(provider: ProviderId, source: string, value: string | null | undefined): NormalizedStatus | undefined {
  if (value === null || value === undefined) return undefined;
  const wanted = value.toLowerCase();
  return statusMappings[provider].find((m) => m.source === source && m.value.toLowerCase() === wanted)?.status;
}
