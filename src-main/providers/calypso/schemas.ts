/**
 * Calypso webhook envelope and the data shape of every event type in seed 003. Data fields are
 * optional but typed when present: the documents list fields that are not always sent.
 */
import { z } from 'zod';
import { fieldsSchema, idLike, type FieldKind } from '../shared/zod-json.js';
import { calypsoCurrencyLists } from '../../../src-shared/providers/currencies.js';
import { checkCode, checkCodeKeys } from '../shared/currency-check.js';
import { at } from '../shared/json-path.js';

export const calypsoEnvelope = z.looseObject({
  requestId: z.string(),
  id: idLike,
  createdDate: z.string(),
  level: z.enum(['SUCCESS', 'INFO', 'WARNING']),
  service: z.string(),
  eventType: z.string(),
  data: z.looseObject({}),
});

type Fields = Record<string, FieldKind>;

const invoiceBase: Fields = {
  type: 'string',
  message: 'string',
  currency: 'string',
  parentExternalId: 'id',
  createdDate: 'string',
  idempotencyKey: 'string',
  externalId: 'string',
};
const invoiceDeposit: Fields = {
  ...invoiceBase,
  amount: 'decimal',
  transactionId: 'ids',
  senderAddress: 'string',
  paymentDate: 'string',
  transactionHash: 'string',
  fiatAmount: 'fiat',
};
const invoicePayment: Fields = {
  type: 'string',
  amount: 'decimal',
  currency: 'string',
  description: 'string',
  externalId: 'string',
  fiatAmount: 'fiat',
  fiatCurrency: 'string',
  idempotencyKey: 'string',
  parentExternalId: 'id',
  realAmount: 'decimal',
};
const fiatOrder: Fields = { parentExternalId: 'id', idempotencyKey: 'string' };
const c2fOrder: Fields = {
  ...fiatOrder,
  type: 'string',
  state: 'string',
  orderId: 'id',
  externalId: 'string',
};
const purse: Fields = { currency: 'id', customerId: 'id', customerBlocked: 'boolean', purseId: 'id' };
const purseTx: Fields = { ...purse, transactionId: 'id', amount: 'decimal' };
const purseReceipt: Fields = { ...purseTx, senderAddress: 'string', transactionHash: 'string', createdDate: 'string' };
const payout: Fields = {
  type: 'string',
  parentExternalId: 'id',
  createdDate: 'string',
  idempotencyKey: 'string',
  currency: 'string',
};
const topUp: Fields = {
  type: 'string',
  amount: 'decimal',
  currency: 'string',
  senderAddress: 'string',
  paymentDate: 'string',
  transactionHash: 'string',
  fiatAmount: 'fiat',
};

export const calypsoEventFields: Readonly<Record<string, Fields>> = {
  INVOICE_CREATE_INVOICE: { ...invoiceBase, amount: 'decimal', fiatCurrency: 'string' },
  INVOICE_CREATE_UNLIMITED_INVOICE: invoiceBase,
  INVOICE_FUNDS_RECEIVED_FOR_INVOICE: { ...invoiceDeposit, invoiceAddress: 'string' },
  INVOICE_PENDING_INTERVENTION: {
    type: 'string',
    message: 'string',
    parentExternalId: 'id',
    idempotencyKey: 'string',
    externalId: 'string',
  },
  INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED: {
    ...invoiceBase,
    amount: 'decimal',
    serviceFee: 'decimal',
    fiatAmount: 'fiat',
    transactionIds: 'ids',
  },
  INVOICE_EXPIRED: {
    ...invoiceBase,
    amount: 'decimal',
    fiatCurrency: 'string',
    expirationDate: 'string',
    fiatAmount: 'fiat',
  },
  INVOICE_PAID: invoicePayment,
  INVOICE_MEMPOOL_FOUND: { ...invoicePayment, createdDate: 'string', transactionHash: 'string' },
  INVOICE_COMPLIANCE_CHECK: invoiceDeposit,
  INVOICE_COMPLIANCE_DECLINED: invoiceDeposit,
  FIAT_APPLIER_FIAT_FUNDS_RECEIVED: { ...fiatOrder, fiatAmount: 'decimal', fiatCurrency: 'string', rate: 'decimal' },
  FIAT_APPLIER_ORDER_UNPAID: { ...fiatOrder, reasonType: 'string' },
  FIAT_APPLIER_PAYMENT_FAILED: { ...fiatOrder, reason: 'string' },
  FIAT_APPLIER_ADJUSTMENT: {
    ...fiatOrder,
    adjustmentDate: 'string',
    sumAfterAdjustment: 'decimal',
    reason: 'string',
    currency: 'string',
    fiatCurrency: 'any',
  },
  FIAT_APPLIER_WITHDRAWAL_SUCCESS: {
    ...c2fOrder,
    rate: 'decimal',
    currency: 'string',
    fiatAmount: 'decimal',
    fiatCurrency: 'string',
  },
  FIAT_APPLIER_WITHDRAWAL_FAILED: { ...c2fOrder, reason: 'string' },
  CUSTOMER_PURSE_EXPIRED: { customerId: 'id', customerBlocked: 'boolean', purseId: 'id' },
  CUSTOMER_PURSE_MEM_POOL_FOUND: purseReceipt,
  CUSTOMER_PURSE_PENDING_COMPLIANCE: purseTx,
  CUSTOMER_PURSE_COMPLIANCE_DECLINED: purseTx,
  CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE: purseReceipt,
  PAYOUT_CHANGE_STATUS: { ...payout, hash: 'string', payoutStatus: 'string' },
  PAYOUT_CONFIRMED: { ...payout, approved: 'list' },
  PAYOUT_VALIDATION_ERROR: {
    ...payout,
    message: 'string',
    dealWithdrawalId: 'id',
    validationStatus: 'string',
  },
  TOP_UP_COMPLIANCE_CHECK: topUp,
  TOP_UP_COMPLIANCE_DECLINED: topUp,
  WALLET_FUNDS_DELIVERED_ACCOUNT: topUp,
};

/** The fields' types, then the currency codes against the lists seed 003 gives for the event. */
function eventSchema(type: string, fields: Fields): z.ZodType {
  const lists = calypsoCurrencyLists(type);
  return fieldsSchema(fields).superRefine((data, ctx) => {
    checkCode(ctx, lists.crypto, at(data, 'currency'), ['currency']);
    checkCode(ctx, lists.fiat, at(data, 'fiatCurrency'), ['fiatCurrency']);
    checkCode(ctx, lists.fiat, at(data, 'fiatcurrency'), ['fiatcurrency']);
    checkCodeKeys(ctx, lists.fiat, at(data, 'fiatAmount'), ['fiatAmount']);
  });
}

export const calypsoEventSchemas: Readonly<Record<string, z.ZodType>> = Object.fromEntries(
  Object.entries(calypsoEventFields).map(([type, fields]) => [type, eventSchema(type, fields)]),
);
