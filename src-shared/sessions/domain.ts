/** A session created by hand, and every call made for it, as stored and shown. */
import { z } from 'zod';
import { ProviderId } from '../domain/provider.js';
import { CorrelationKey, NormalizedStatus } from '../domain/normalized.js';
import { HeaderPair } from '../domain/delivery.js';

export const SessionEnvironment = z.enum(['production', 'sandbox', 'local']);

/** A request as sent (or as it would be): secrets and signatures masked, body exact. */
export const HttpRequestView = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.array(HeaderPair),
  body: z.string().nullable(),
});
export type HttpRequestView = z.infer<typeof HttpRequestView>;

export const HttpResponseView = z.object({
  status: z.number().int(),
  headers: z.array(HeaderPair),
  body: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
});
export type HttpResponseView = z.infer<typeof HttpResponseView>;

export const SessionCallKind = z.enum(['create', 'status', 'mock_deposit']);

/** One exchange with the provider for a session: creation, a status query, a test deposit. */
export const SessionCall = z.object({
  id: z.string(),
  kind: SessionCallKind,
  at: z.string(),
  request: HttpRequestView.nullable(),
  response: HttpResponseView.nullable(),
  ok: z.boolean(),
  /** Why it failed, in words (validation, network, the provider's answer explained). */
  error: z.string().nullable(),
  providerState: z.string().nullable(),
  status: NormalizedStatus.nullable(),
});
export type SessionCall = z.infer<typeof SessionCall>;

export const SessionLink = z.object({ label: z.string(), url: z.string() });

export const SessionKind = z.enum(['session', 'invoice', 'swap', 'widget_link']);

export const Session = z.object({
  id: z.string(),
  provider: ProviderId,
  environment: SessionEnvironment,
  kind: SessionKind,
  createdAt: z.string(),
  updatedAt: z.string(),
  outcome: z.enum(['created', 'failed']),
  status: NormalizedStatus,
  providerState: z.string().nullable(),
  /** The provider's id for it: session id, session token, invoice id, swap id. */
  providerSessionId: z.string().nullable(),
  links: z.array(SessionLink),
  /** Ids its webhooks carry: they join the session on the payment timeline. */
  correlationKeys: z.array(CorrelationKey),
  /** The validated form input (what the user asked for). */
  payload: z.record(z.string(), z.unknown()),
  error: z.string().nullable(),
  /** Settings that stand in for undocumented provider facts, e.g. the auth mode used. */
  assumptions: z.array(z.string()),
  calls: z.array(SessionCall),
  /** Same provider + environment + payload → same fingerprint (the duplicate warning). */
  fingerprint: z.string(),
});
export type Session = z.infer<typeof Session>;

export const SessionSummary = Session.pick({
  id: true,
  provider: true,
  environment: true,
  kind: true,
  createdAt: true,
  outcome: true,
  status: true,
  providerState: true,
  providerSessionId: true,
  error: true,
});
export type SessionSummary = z.infer<typeof SessionSummary>;

/** A withdraw tx hash lookup (InstaXchange): the blockchain hash for a withdraw tx id. */
export const TxLookup = z.object({
  id: z.string(),
  at: z.string(),
  provider: ProviderId,
  withdrawTxId: z.string(),
  currency: z.string().nullable(),
  hash: z.string().nullable(),
  explorerUrl: z.string().nullable(),
  sessionId: z.string().nullable(),
  deliveryId: z.string().nullable(),
  pathTemplate: z.string().nullable(),
  request: HttpRequestView.nullable(),
  response: HttpResponseView.nullable(),
  ok: z.boolean(),
  error: z.string().nullable(),
});
export type TxLookup = z.infer<typeof TxLookup>;

/** A stored webhook that shares an id with a session. */
export const LinkedDelivery = z.object({
  id: z.string(),
  provider: z.string(),
  receivedAt: z.string(),
  eventType: z.string().nullable(),
  status: NormalizedStatus.nullable(),
  key: CorrelationKey,
});
export type LinkedDelivery = z.infer<typeof LinkedDelivery>;
