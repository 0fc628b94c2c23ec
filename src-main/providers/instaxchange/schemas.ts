/** InstaXchange webhook (seed 000): completed and failed share one shape. */
import { z } from 'zod';
import { eventTypes } from '../../../src-shared/providers/event-types.js';
import { decimal, fieldsSchema, idLike } from '../shared/zod-json.js';

export const instaxchangeData = fieldsSchema({
  amountInFiat: 'decimal',
  fiatCurrency: 'string',
  amountInCrypto: 'decimal',
  cryptoCurrency: 'string',
  status: 'string',
  statusReason: 'string',
  walletAddress: 'string',
  additionalData: 'any',
  sessionId: 'string',
  createdAt: 'string',
});

export const instaxchangeEnvelope = z.looseObject({
  webhookId: z.string(),
  transactionId: idLike,
  reference: z.string().nullable(),
  data: z.looseObject({ amountInFiat: decimal.nullish(), status: z.string() }),
  invoiceData: fieldsSchema({
    Email: 'string',
    Name: 'string',
    Credit_card_number: 'string',
    Invoice_ID: 'string',
    Status: 'string',
    Wallet_address: 'string',
    Details: 'string',
    Invoice_date: 'string',
    Deposit_tx_ID: 'string',
    Deposit_tx_amount: 'string',
    Deposit_tx_status: 'string',
    Withdraw_tx_ID: 'string',
    Withdraw_tx_amount: 'string',
    Withdraw_tx_status: 'string',
  }).nullish(),
  createdAt: z.string(),
});

export const instaxchangeEventSchemas: Readonly<Record<string, z.ZodType>> = Object.fromEntries(eventTypes.instaxchange.map((e) => [e.type, instaxchangeData]));
