/**
 * OpenXSwitch webhook envelope `{requestId, method, timestamp?, params}`. Only the instant swap's
 * params are documented field by field (seed 002); the others use the fields of the sandbox
 * deposit body and of the API (providers.md), all optional.
 */
import { z } from 'zod';
import { eventTypes } from '../../../src-shared/providers/event-types.js';
import { fieldsSchema } from '../shared/zod-json.js';

export const openxswitchEnvelope = z.looseObject({
  requestId: z.string(),
  method: z.string(),
  timestamp: z.unknown().optional(),
  params: z.looseObject({}),
});

const walletSchema = z.looseObject({
  id: z.string().nullish(),
  clientUserId: z.string().nullish(),
  email: z.string().nullish(),
  name: z.string().nullish(),
  assets: z.array(fieldsSchema({ coin: 'string', balance: 'decimal', frozen: 'decimal', updatedAt: 'string' })).nullish(),
  isSubWallet: z.boolean().nullish(),
});

export const instantSwapParams = fieldsSchema({
  id: 'id',
  fee: 'decimal',
  fromCoin: 'string',
  fromAmount: 'decimal',
  toCoin: 'string',
  toAmount: 'decimal',
  swapPrice: 'decimal',
  status: 'string',
  ts: 'id',
  quoteId: 'id',
  walletId: 'string',
  workspaceId: 'string',
  createdAt: 'string',
  wallet: walletSchema,
});

const transferParams = fieldsSchema({
  id: 'id',
  destination: 'string',
  coin: 'string',
  amount: 'decimal',
  chain: 'string',
  status: 'string',
  fromAddress: 'string',
  toAddress: 'string',
  fromWalletId: 'string',
  toWalletId: 'string',
  walletId: 'string',
  clientTxId: 'string',
  createdAt: 'string',
});

export const openxswitchEventSchemas: Readonly<Record<string, z.ZodType>> = Object.fromEntries(
  eventTypes.openxswitch.map((e) => [
    e.type,
    e.type === 'instant_swap.completed' ? instantSwapParams : e.type.startsWith('smart-accounts:') ? fieldsSchema({}) : transferParams,
  ]),
);
