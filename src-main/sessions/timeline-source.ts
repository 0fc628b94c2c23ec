/**
 * Sessions on payment timelines: a session joins when one of its ids (session token, session
 * id, webhookRef/reference, idempotency key, userId…) is among the timeline's keys.
 */
import type { TimelineStep } from '../../src-shared/domain/timeline.js';
import type { Session, TxLookup } from '../../src-shared/sessions/domain.js';
import { providerCatalogue } from '../../src-shared/providers/catalogue.js';
import type { TimelineSource } from '../services/timeline-source.js';
import type { SessionStore } from '../store/sessions-types.js';

const CALL_TITLE = { create: 'created', status: 'status checked', mock_deposit: 'test deposit requested' } as const;

function sessionSteps(session: Session): TimelineStep[] {
  const name = providerCatalogue[session.provider].displayName;
  return session.calls.map((call) => ({
    kind: call.kind === 'status' ? 'status_check' : 'session',
    id: call.kind === 'create' ? session.id : call.id,
    at: call.at,
    title:
      call.kind === 'create'
        ? `${name} ${session.kind.replace('_', ' ')} ${call.ok ? 'created by hand' : 'could not be created'}`
        : `${name} ${CALL_TITLE[call.kind]}${call.providerState ? `: ${call.providerState}` : ''}`,
    provider: session.provider,
    status: call.status,
    outcome: call.ok ? (call.kind === 'create' ? 'ok' : 'info') : 'failed',
    detail: call.error ?? (call.kind === 'create' ? session.providerSessionId : null),
    amount: null,
    deliveryId: null,
    sessionId: session.id,
  }));
}

function lookupStep(lookup: TxLookup): TimelineStep {
  return {
    kind: 'tx_lookup',
    id: lookup.id,
    at: lookup.at,
    title: lookup.hash ? `Blockchain hash of withdraw ${lookup.withdrawTxId}` : `Blockchain hash lookup for ${lookup.withdrawTxId} failed`,
    provider: lookup.provider,
    status: null,
    outcome: lookup.ok ? 'ok' : 'failed',
    detail: lookup.hash ?? lookup.error,
    amount: null,
    deliveryId: lookup.deliveryId,
    sessionId: lookup.sessionId,
    link: lookup.explorerUrl && /^https?:\/\//.test(lookup.explorerUrl) ? lookup.explorerUrl : null,
  };
}

/** The sessions feature's timeline steps (kinds session, status_check, tx_lookup). */
export function createSessionTimelineSource(store: SessionStore): TimelineSource {
  return {
    async stepsFor({ keys, deliveryIds }) {
      const sessions = keys.length > 0 ? await store.findByKeyValues(keys) : [];
      const lookups = await store.txLookups({ sessionIds: sessions.map((s) => s.id), deliveryIds, withdrawTxIds: keys });
      return [...sessions.flatMap(sessionSteps), ...lookups.map(lookupStep)].sort((a, b) => a.at.localeCompare(b.at));
    },
  };
}
