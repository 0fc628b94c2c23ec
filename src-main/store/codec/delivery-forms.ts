import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import type { DerivedFields } from '../types.js';
import { encodeDelivery } from './stored-forms.js';

/**
 * The part of the derived fields kept inside the stored form; the rest are columns a backend
 * filters on. Correlation keys are here too: a backend indexes them by value for timelines,
 * and reads a delivery's own keys from here.
 */
export type StoredDetail = Pick<DerivedFields, 'verification' | 'normalized' | 'schemaIssues' | 'correlationKeys'>;

export const storedDetail = (derived: DerivedFields): StoredDetail => ({
  verification: derived.verification,
  normalized: derived.normalized,
  schemaIssues: derived.schemaIssues,
  correlationKeys: derived.correlationKeys,
});

/** A derived delivery's stored form: the derivation thread works it out so the store's thread only writes it. */
export function packDelivery(delivery: { headers: readonly HeaderPair[]; body: Uint8Array | null }, derived: DerivedFields): Uint8Array {
  return encodeDelivery({ headers: delivery.headers, body: delivery.body, detail: storedDetail(derived) });
}
