/** Manual session creation: preview, send, track; InstaXchange withdraw tx hash lookup. */
import { z } from 'zod';
import { ProviderId } from '../domain/provider.js';
import { HttpRequestView, LinkedDelivery, Session, SessionEnvironment, SessionSummary, TxLookup } from '../sessions/domain.js';
import { SessionSettings } from '../sessions/settings.js';
import { instapMockDepositFields } from '../sessions/instap.js';

const id = z.string().min(1).max(100);

export const SessionDraft = z.object({
  provider: ProviderId,
  /** Default: the provider's active environment. */
  environment: SessionEnvironment.optional(),
  /** The form's fields; validated against the provider's schema (issues come back as payload.<field>). */
  payload: z.record(z.string(), z.unknown()),
});
export type SessionDraft = z.infer<typeof SessionDraft>;

export const SessionPreview = z.object({
  environment: SessionEnvironment,
  /** The exact request that would be sent; secrets masked. Time-bound values (timestamps) are set again at send time. */
  request: HttpRequestView.nullable(),
  /** For a link-only provider (Paychant): the link that would be recorded. */
  link: z.string().nullable(),
  notes: z.array(z.string()),
  /** Sessions sent with an identical payload to this provider and environment within the duplicate window. */
  recentIdentical: z.array(SessionSummary),
});
export type SessionPreview = z.infer<typeof SessionPreview>;

export const SessionDetail = Session.extend({
  linkedDeliveries: z.array(LinkedDelivery),
  txLookups: z.array(TxLookup),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

export const SessionsListInput = z.object({
  provider: ProviderId.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(40).optional(),
});

export const TxLookupInput = z
  .object({
    sessionId: id.optional(),
    deliveryId: id.optional(),
    /** Typed by hand, or to override the one read from the session/delivery. */
    withdrawTxId: z.string().trim().min(1).max(200).optional(),
    currency: z.string().trim().min(1).max(40).optional(),
    environment: SessionEnvironment.optional(),
  })
  .refine((v) => v.sessionId || v.deliveryId || v.withdrawTxId, { message: 'Give a session, a delivery or a withdraw tx id', path: ['withdrawTxId'] });

export const sessionsContract = {
  'sessions.preview': { input: SessionDraft, output: SessionPreview, role: 'operator' },
  'sessions.create': {
    input: SessionDraft.extend({ allowDuplicate: z.boolean().default(false) }),
    output: Session,
    role: 'operator',
  },
  'sessions.refresh': { input: z.object({ id }), output: SessionDetail, role: 'operator' },
  'sessions.mockDeposit': { input: z.object({ id, ...instapMockDepositFields }), output: SessionDetail, role: 'operator' },
  'sessions.lookupWithdrawTx': { input: TxLookupInput, output: TxLookup, role: 'operator' },
  'sessions.txLookups': { input: z.object({ deliveryId: id }), output: z.object({ items: z.array(TxLookup) }), role: 'viewer' },
  'sessions.list': { input: SessionsListInput, output: z.object({ items: z.array(SessionSummary), nextCursor: z.string().nullable() }), role: 'viewer' },
  'sessions.get': { input: z.object({ id }), output: SessionDetail, role: 'viewer' },
  'sessions.settings.get': { input: z.object({}).default({}), output: SessionSettings, role: 'operator' },
  'sessions.settings.save': { input: SessionSettings, output: SessionSettings, role: 'admin' },
} as const;
