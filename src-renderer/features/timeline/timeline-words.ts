import type { TimelineFlagKind } from '../../../src-shared/contract/timeline.js';
import type { TimelineStepKind } from '../../../src-shared/domain/timeline.js';
import type { ProviderEventTime } from '../../../src-shared/domain/normalized.js';

export const FLAG_LABEL: Record<TimelineFlagKind, string> = {
  out_of_order: 'out of order',
  duplicate: 'duplicate',
  failed_signature: 'signature failed',
  status_backwards: 'status went backwards',
  expired_then_paid: 'paid after expiry',
  amount_mismatch: 'amount mismatch',
  silent: 'no news',
};

export const STEP_KIND_LABEL: Record<TimelineStepKind, string> = {
  delivery: 'Webhook',
  session: 'Session',
  status_check: 'Status check',
  replay: 'Replay',
  tx_lookup: 'Transaction lookup',
  relay: 'Relay',
};

/** "4 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatGap(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** Gaps this long get drawn as a break in the line: a payment that stalled. */
export const LONG_GAP_MS = 30 * 60_000;

/** Hover text for a step's provider time: the instant it was read as, and from where. */
export function providerTimeTitle(time: ProviderEventTime): string {
  const read = time.at ? `${time.at.replace('T', ' ').replace('Z', ' UTC')}` : 'not a readable time';
  return `The provider's own time for this event: ${read}, from ${time.field}${time.note ? ` (${time.note})` : ''}. The time on the right is when it was received.`;
}
