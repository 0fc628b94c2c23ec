import type { NormalizedStatus } from '../../src-shared/domain/normalized.js';

/**
 * How far along its lifecycle a status puts a payment. Statuses without a rank (info, unknown)
 * say nothing about progress and leave the status as it was.
 */
export const RANK: Partial<Record<NormalizedStatus, number>> = {
  created: 0,
  pending: 1,
  confirming: 2,
  compliance_hold: 2,
  completed: 3,
  failed: 3,
  expired: 3,
  underpaid: 3,
  overpaid: 3,
  cancelled: 3,
  refunded: 4,
};
export const FINAL = 3;
/** Final outcomes that say the money arrived. */
export const PAID: ReadonlySet<NormalizedStatus> = new Set(['completed', 'overpaid', 'underpaid']);
/** Outcomes that contradict an earlier "paid". */
export const UNPAID: ReadonlySet<NormalizedStatus> = new Set(['failed', 'expired', 'cancelled', 'underpaid']);

export const rankOf = (status: NormalizedStatus | null): number | undefined => (status === null ? undefined : RANK[status]);

/** Whether a payment in this status still waits for something to happen. */
export const isOpen = (status: NormalizedStatus | null): boolean => {
  const rank = rankOf(status);
  return rank === undefined || rank < FINAL;
};
