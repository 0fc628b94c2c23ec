import type { TimelineStep } from '../../src-shared/domain/timeline.js';
import type { Amount, NormalizedStatus } from '../../src-shared/domain/normalized.js';
import type { VerificationStatus } from '../../src-shared/domain/verification.js';
import type { TimelineDeliveryRecord } from '../store/timeline-types.js';

/** A step plus what the flags need to know about it beyond the public step. */
export interface PlacedStep {
  step: TimelineStep;
  /** Every amount the step reports (a delivery can carry fiat and crypto amounts). */
  amounts: Amount[];
  duplicateOf: string | null;
  signatureFailed: boolean;
  /**
   * A delivery's signature check (null for steps our own calls made). Only a provider event whose
   * signature verified may set the payment's status.
   */
  verification: VerificationStatus | null;
}

/** Whether a step is a provider event whose signature verified: the only kind that sets a payment's status. */
export const setsStatus = (placed: PlacedStep): boolean => placed.step.kind === 'delivery' && placed.verification === 'valid';

const BAD_OUTCOMES: ReadonlySet<NormalizedStatus> = new Set(['failed', 'expired', 'cancelled', 'underpaid']);

export function deliveryStep(record: TimelineDeliveryRecord): PlacedStep {
  const signatureFailed = record.verification === 'invalid';
  const detail = [
    record.providerStatus ? `Provider status “${record.providerStatus}”.` : null,
    signatureFailed ? `Signature invalid: ${record.verificationDiagnosis ?? 'no configured secret produces it.'}` : null,
    record.duplicateOf ? `Repeats ${record.duplicateOf}.` : null,
  ].filter((part): part is string => part !== null);
  const first = record.amounts[0];
  return {
    step: {
      kind: 'delivery',
      id: record.id,
      at: record.receivedAt,
      title: record.eventType ?? (record.rejected ? 'Rejected delivery' : 'Delivery'),
      provider: record.provider,
      status: record.status,
      outcome:
        signatureFailed || (record.status !== null && BAD_OUTCOMES.has(record.status))
          ? 'failed'
          : record.status === null || record.status === 'info' || record.status === 'unknown'
            ? 'info'
            : 'ok',
      detail: detail.length > 0 ? detail.join(' ') : null,
      amount: first ? { value: first.value, currency: first.currency } : null,
      deliveryId: record.id,
      sessionId: null,
      providerTime: record.providerTime ?? null,
    },
    amounts: record.amounts,
    duplicateOf: record.duplicateOf,
    signatureFailed,
    verification: record.rejected ? null : record.verification,
  };
}

/** A step another feature contributed (session, status check, replay): only its own amount is known. */
export function contributedStep(step: TimelineStep): PlacedStep {
  return {
    step,
    amounts: step.amount ? [{ role: 'amount', value: step.amount.value, currency: step.amount.currency }] : [],
    duplicateOf: null,
    signatureFailed: false,
    verification: null,
  };
}
