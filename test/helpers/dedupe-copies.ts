/** Copies of one payment as a provider retries it, and what derivation makes of each: the dedupe tests' material. */
import type { DerivedFields } from '../../src-main/store/types.js';

export interface DedupeCopy {
  body: string;
  eventId: string | null;
}

let round = 0;

/** `count` copies of a new event: the same event id (retries carry their attempt, so the bodies differ). */
export const copiesByEvent = (count: number): DedupeCopy[] => {
  const eventId = `evt-${++round}`;
  return Array.from({ length: count }, (_, attempt) => ({ body: `{"event":"PAID","id":"${eventId}","attempt":${attempt}}`, eventId }));
};

/** `count` copies of a new body without an event id. */
export const copiesByBody = (count: number): DedupeCopy[] => {
  const body = `{"event":"PAID","ref":"r-${++round}"}`;
  return Array.from({ length: count }, () => ({ body, eventId: null }));
};

/** The derived fields of a copy: only its event id and text matter to dedupe. */
export const derivedFor = (copy: DedupeCopy): DerivedFields => ({
  eventType: 'PAYMENT_COMPLETED',
  eventId: copy.eventId,
  parseError: null,
  verification: { status: 'valid', candidatesTried: [] },
  normalized: null,
  correlationKeys: [],
  schemaIssues: [],
  reference: null,
  amount: null,
  searchText: copy.body,
});
