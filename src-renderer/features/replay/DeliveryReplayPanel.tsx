import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';

/** Replay actions and past attempts, shown in the delivery view. */
export function DeliveryReplayPanel(_props: { delivery: DeliveryDetail }) {
  return null;
}
