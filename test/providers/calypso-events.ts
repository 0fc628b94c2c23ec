/** One data object per Calypso event type in seed 003, with realistic values. */
const tx = '0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060';
const sender = 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE';
const fiat = { EUR: 31.994837336, USD: 36.844106264 };
const invoice = { parentExternalId: 3, idempotencyKey: '5b0ca8da-6af4-4a1c-9efd-5cbfc19ace09', externalId: 'order-7781' };

export const calypsoEventData: Record<string, Record<string, unknown>> = {
  INVOICE_CREATE_INVOICE: { ...invoice, amount: 0.01, currency: 'ETH', fiatCurrency: 'USD', message: 'Invoice example', createdDate: '2022-03-15T12:13:03.157015' },
  INVOICE_CREATE_UNLIMITED_INVOICE: { ...invoice, message: 'Top up', currency: 'USDT_TRX', createdDate: '2022-03-15T12:13:03.157015' },
  INVOICE_FUNDS_RECEIVED_FOR_INVOICE: {
    ...invoice, amount: 36.85, transactionId: [5521], message: 'Invoice example', currency: 'USDT_TRX',
    createdDate: '2022-03-15T12:13:03', senderAddress: sender, invoiceAddress: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf',
    paymentDate: '2022-03-15T12:20:00', transactionHash: tx, fiatAmount: fiat,
  },
  INVOICE_PENDING_INTERVENTION: { ...invoice, message: 'Invoice example' },
  INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED: {
    ...invoice, amount: 36.85, message: 'Invoice example', currency: 'USDT_TRX', createdDate: '2022-03-15T12:13:03',
    serviceFee: 0.37, fiatAmount: fiat, transactionIds: [5521, 5522],
  },
  INVOICE_EXPIRED: {
    ...invoice, amount: 0.01, currency: 'ETH', fiatCurrency: 'USD', message: 'Invoice example',
    createdDate: '2022-03-15T12:13:03', expirationDate: '2022-03-16T12:13:03', fiatAmount: fiat,
  },
  INVOICE_PAID: { ...invoice, amount: 0.01, currency: 'ETH', description: 'Invoice example', fiatAmount: 36.84, fiatCurrency: 'EUR', realAmount: 0.0101 },
  INVOICE_MEMPOOL_FOUND: {
    ...invoice, amount: 0.01, currency: 'ETH', description: 'Invoice example', fiatAmount: 36.84, fiatCurrency: 'EUR',
    realAmount: 0.0101, createdDate: '2022-03-15T12:13:03', transactionHash: tx,
  },
  FIAT_APPLIER_FIAT_FUNDS_RECEIVED: { parentExternalId: 91, idempotencyKey: 'f2c-91', fiatAmount: '150.00', fiatCurrency: 'EUR', rate: 0.92 },
  FIAT_APPLIER_ORDER_UNPAID: { parentExternalId: 92, idempotencyKey: 'f2c-92', reasonType: 'EXPIRED' },
  FIAT_APPLIER_PAYMENT_FAILED: { parentExternalId: 93, idempotencyKey: 'f2c-93', reason: 'card declined' },
  FIAT_APPLIER_ADJUSTMENT: {
    parentExternalId: 94, idempotencyKey: 'f2c-94', adjustmentDate: '2024-02-01T10:00:00', sumAfterAdjustment: 140.5,
    reason: 'bank fee', currency: 'EUR', fiatCurrency: 'true',
  },
  FIAT_APPLIER_WITHDRAWAL_SUCCESS: {
    rate: 0.92, state: 'COMPLETED', orderId: 'c2f-5501', currency: 'USDT', externalId: 'wd-1', fiatAmount: 92,
    fiatCurrency: 'EUR', idempotencyKey: 'c2f-key-1', parentExternalId: 5501,
  },
  FIAT_APPLIER_WITHDRAWAL_FAILED: {
    state: 'FAILED', orderId: 'c2f-5502', externalId: 'wd-2', idempotencyKey: 'c2f-key-2', reason: 'IBAN rejected', parentExternalId: 5502,
  },
  CUSTOMER_PURSE_EXPIRED: { customerId: 'cust-77', customerBlocked: false, purseId: 'purse-1201' },
  CUSTOMER_PURSE_MEM_POOL_FOUND: {
    currency: 'USDT_TRX', customerId: 'cust-77', customerBlocked: false, purseId: 'purse-1201', transactionId: 8812,
    amount: 25, senderAddress: sender, createdDate: '2024-02-01T10:00:00', transactionHash: tx,
  },
  CUSTOMER_PURSE_PENDING_COMPLIANCE: { currency: 'USDT_TRX', customerId: 'cust-77', customerBlocked: false, purseId: 'purse-1201', transactionId: '8812', amount: 25 },
  CUSTOMER_PURSE_COMPLIANCE_DECLINED: { currency: 'USDT_TRX', customerId: 'cust-77', customerBlocked: true, purseId: 'purse-1201', transactionId: '8812', amount: 25 },
  CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE: {
    currency: 'USDT_TRX', customerId: 'cust-77', customerBlocked: false, purseId: 'purse-1201', transactionId: '8812',
    amount: 25, senderAddress: sender, transactionHash: tx, createdDate: '2024-02-01T10:00:00',
  },
  PAYOUT_CHANGE_STATUS: { hash: tx, parentExternalId: 41, createdDate: '2024-02-01T10:00:00', payoutStatus: 'PROCESSING', idempotencyKey: 'payout-41', currency: 'USDT_TRX' },
  PAYOUT_CONFIRMED: { parentExternalId: 41, createdDate: '2024-02-01T10:00:00', approved: ['alice@example.com'], idempotencyKey: 'payout-41', currency: 'USDT_TRX' },
  PAYOUT_VALIDATION_ERROR: {
    parentExternalId: 42, message: 'insufficient balance', createdDate: '2024-02-01T10:00:00', dealWithdrawalId: 9001,
    validationStatus: 'INSUFFICIENT_FUNDS', idempotencyKey: 'payout-42', currency: 'USDT_TRX',
  },
  INVOICE_COMPLIANCE_CHECK: {
    ...invoice, amount: 36.85, transactionId: [5521], message: 'Invoice example', currency: 'USDT_TRX', createdDate: '2022-03-15T12:13:03',
    senderAddress: sender, paymentDate: '2022-03-15T12:20:00', transactionHash: tx, fiatAmount: fiat,
  },
  INVOICE_COMPLIANCE_DECLINED: {
    ...invoice, amount: 36.85, transactionId: [5521], message: 'Invoice example', currency: 'USDT_TRX', createdDate: '2022-03-15T12:13:03',
    senderAddress: sender, paymentDate: '2022-03-15T12:20:00', transactionHash: tx, fiatAmount: fiat,
  },
  TOP_UP_COMPLIANCE_CHECK: { amount: 100, currency: 'USDT_TRX', senderAddress: sender, paymentDate: '2024-02-01T10:00:00', transactionHash: tx, fiatAmount: fiat },
  TOP_UP_COMPLIANCE_DECLINED: { amount: 100, currency: 'USDT_TRX', senderAddress: sender, paymentDate: '2024-02-01T10:00:00', transactionHash: tx, fiatAmount: fiat },
  WALLET_FUNDS_DELIVERED_ACCOUNT: { amount: 100, currency: 'USDT_TRX', senderAddress: sender, paymentDate: '2024-02-01T10:00:00', transactionHash: tx, fiatAmount: fiat },
};

const SERVICES: Record<string, string> = { INVOICE: 'INVOICE', FIAT: 'FIAT_APPLIER', CUSTOMER: 'CUSTOMER_PURSE', PAYOUT: 'PAYOUT', TOP: 'TOP_UP', WALLET: 'WALLET' };

export function calypsoEnvelope(eventType: string, data: Record<string, unknown>, id = 1042): string {
  return JSON.stringify({
    requestId: 'bf9348b7-2c14-46d7-868c-b597852da319',
    id,
    createdDate: '2024-02-01T10:00:05.909616',
    level: 'SUCCESS',
    service: SERVICES[eventType.split('_')[0]!] ?? 'OTHER',
    eventType,
    data: { type: eventType, ...data },
  });
}
