/** Instap deposit notification (`objectType: "depositEventObject"`), per providers.md and seed 001. */
import { z } from 'zod';
import { decimal, fieldsSchema } from '../shared/zod-json.js';

/** Fields the documents name; any other top-level string may be the undocumented session token. */
export const instapKnownFields = [
  'objectType', 'userId', 'userName', 'date', 'blockChainCurrency', 'blockChainTxId',
  'blockChainAmount', 'convertedAmount', 'conversionTime', 'paymentStatus',
] as const;

export const instapDepositEvent = z.looseObject({
  objectType: z.literal('depositEventObject', { message: "expected 'depositEventObject'" }),
  userId: z.string(),
  userName: z.string().nullish(),
  date: decimal.nullish(),
  // TRX in the mock-deposit API, TRON in notifications: both accepted.
  blockChainCurrency: z.string(),
  blockChainTxId: z.string(),
  blockChainAmount: decimal,
  convertedAmount: z.array(fieldsSchema({ fiatCurrency: 'string', convertedValue: 'decimal' })).nullish(),
  conversionTime: z.unknown().optional(),
  paymentStatus: fieldsSchema({
    minAmountToBePaidInUsd: 'decimal', maxAmountToBePaidInUsd: 'decimal',
    actualPaymentInUsd: 'decimal', paymentStatus: 'string',
  }).nullish(),
});
