/** Instap deposit notification (`objectType: "depositEventObject"`), per providers.md and seed 001. */
import { z } from 'zod';
import { decimal, fieldsSchema } from '../shared/zod-json.js';
import { instapBlockchainCurrencies, instapConvertedFiat } from '../../../src-shared/providers/currencies.js';
import { checkCode } from '../shared/currency-check.js';
import { at } from '../shared/json-path.js';

/** Fields the documents name; any other top-level string may be the undocumented session token. */
export const instapKnownFields = [
  'objectType',
  'userId',
  'userName',
  'date',
  'blockChainCurrency',
  'blockChainTxId',
  'blockChainAmount',
  'convertedAmount',
  'conversionTime',
  'paymentStatus',
] as const;

export const instapDepositEventFields = z.looseObject({
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
    minAmountToBePaidInUsd: 'decimal',
    maxAmountToBePaidInUsd: 'decimal',
    actualPaymentInUsd: 'decimal',
    paymentStatus: 'string',
  }).nullish(),
});

/** The fields' types, then the currency codes against the lists Instap documents. */
export const instapDepositEvent = instapDepositEventFields.superRefine((event, ctx) => {
  checkCode(ctx, instapBlockchainCurrencies, at(event, 'blockChainCurrency'), ['blockChainCurrency']);
  const converted = at(event, 'convertedAmount');
  if (Array.isArray(converted)) {
    for (const [i, c] of converted.entries()) checkCode(ctx, instapConvertedFiat, at(c, 'fiatCurrency'), ['convertedAmount', i, 'fiatCurrency']);
  }
});
