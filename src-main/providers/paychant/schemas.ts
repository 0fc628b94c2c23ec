/** Paychant widget webhook: `{event, data}`; every BUY/SELL code carries the same data shape. */
import { z } from 'zod';
import { eventTypes } from '../../../src-shared/providers/event-types.js';
import { fieldsSchema } from '../shared/zod-json.js';

export const paychantEnvelope = z.looseObject({
  event: z.string(),
  data: z.looseObject({ action: z.enum(['BUY', 'SELL']).nullish() }),
});

export const paychantData = fieldsSchema({
  env: 'string',
  pid: 'id',
  date: 'string',
  fiat: 'string',
  asset: 'string',
  chain: 'string',
  action: 'string',
  fiatAmount: 'decimal',
  assetAmount: 'decimal',
  userAddress: 'string',
  exchangeRate: 'decimal',
  paymentMethod: 'string',
  cryptoAddress: 'string',
  transactionRef: 'string',
});

export const paychantEventSchemas: Readonly<Record<string, z.ZodType>> = Object.fromEntries(eventTypes.paychant.map((e) => [e.type, paychantData]));

const knownCodes = new Set(eventTypes.paychant.map((e) => e.type));

/**
 * `WIDGET.CREATED` and `CREATED` are the same code: the prefix is dropped, and a known code's
 * case is made canonical. An unknown code is kept as received.
 */
export function paychantCode(event: string | null): string | null {
  if (event === null) return null;
  const dot = event.lastIndexOf('.');
  const code = dot >= 0 ? event.slice(dot + 1) : event;
  return knownCodes.has(code.toUpperCase()) ? code.toUpperCase() : code;
}
