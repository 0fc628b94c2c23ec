import { z } from 'zod';

/** One lifecycle for every provider; docs/providers.md maps each provider status onto it. */
export const NormalizedStatus = z.enum([
  'created',
  'pending',
  'confirming',
  'completed',
  'failed',
  'expired',
  'underpaid',
  'overpaid',
  'refunded',
  'cancelled',
  'compliance_hold',
  'info',
  'unknown',
]);
export type NormalizedStatus = z.infer<typeof NormalizedStatus>;

export const PaymentDirection = z.enum(['deposit', 'withdrawal', 'swap', 'payout', 'transfer', 'unknown']);
export type PaymentDirection = z.infer<typeof PaymentDirection>;

/** An amount exactly as the provider wrote it: a decimal string, never a re-printed float. */
export const Amount = z.object({
  role: z.string(),
  value: z.string(),
  currency: z.string().nullable(),
  /** false when the provider's documents list currencies for this amount and this one is not among them. */
  currencyListed: z.boolean().optional(),
});
export type Amount = z.infer<typeof Amount>;

export const PartyKind = z.enum(['wallet', 'user', 'email', 'name', 'account', 'card']);
export const Party = z.object({
  role: z.string(),
  kind: PartyKind,
  value: z.string(),
});
export type Party = z.infer<typeof Party>;

/** The provider's own time of an event: the text as received, and the instant it was read as. */
export const ProviderEventTime = z.object({
  /** Where it was read from ("createdAt", "data.date", "params.ts"). */
  field: z.string(),
  /** Exactly as received (a number as its text). */
  received: z.string(),
  /** ISO instant, or null when the text could not be read as a time. */
  at: z.string().nullable(),
  /** What was assumed to read it (e.g. no time zone given: read as UTC). */
  note: z.string().optional(),
});
export type ProviderEventTime = z.infer<typeof ProviderEventTime>;

/** A balance the provider reports after the event (OpenXSwitch: the wallet's assets after a swap), exact as received. */
export const Balance = z.object({
  account: z.string().nullable(),
  currency: z.string(),
  balance: z.string(),
  frozen: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Balance = z.infer<typeof Balance>;

export const NormalizedEvent = z.object({
  eventType: z.string().nullable(),
  status: NormalizedStatus,
  /** The provider's own status word, as received. */
  providerStatus: z.string().nullable(),
  direction: PaymentDirection,
  amounts: z.array(Amount),
  parties: z.array(Party),
  /** The environment the event says it comes from (Paychant `data.env`: production | sandbox), as received. */
  environment: z.string().nullable().optional(),
  /** When the provider says the event happened (its own clock), beside the time it was received. */
  eventTime: ProviderEventTime.nullable().optional(),
  /** Why the provider says the status is what it is (InstaXchange statusReason, Calypso reason), as received. */
  statusReason: z.string().nullable().optional(),
  /** Balances after the event, when the provider reports them. */
  balances: z.array(Balance).optional(),
});
export type NormalizedEvent = z.infer<typeof NormalizedEvent>;

/** An id that links an event to other events and to sessions (a payment's timeline key). */
export const CorrelationKey = z.object({
  kind: z.string(),
  value: z.string(),
});
export type CorrelationKey = z.infer<typeof CorrelationKey>;
