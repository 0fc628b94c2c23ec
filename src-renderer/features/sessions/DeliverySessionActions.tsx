import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';

/** Session actions offered in the delivery view (e.g. the withdraw tx hash lookup). */
export function DeliverySessionActions(_props: { delivery: DeliveryDetail }) {
  return null;
}
