import { z } from 'zod';
import { DeliveryProvider } from '../domain/provider.js';
import { VerificationStatus } from '../domain/verification.js';
import { NormalizedStatus } from '../domain/normalized.js';
import { DeliveryDetail, DeliverySummary } from '../domain/delivery.js';

const isoTime = z.iso.datetime({ offset: true });

export const DeliveriesListInput = z.object({
  provider: DeliveryProvider.optional(),
  eventType: z.string().min(1).max(200).optional(),
  status: NormalizedStatus.optional(),
  verification: z.union([VerificationStatus, z.literal('pending')]).optional(),
  /** Full-text search over bodies and references. */
  q: z.string().max(500).optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  /** Opaque keyset cursor from a previous page's nextCursor. */
  cursor: z.string().max(100).optional(),
});
export type DeliveriesListInput = z.infer<typeof DeliveriesListInput>;

export const DeliveriesListOutput = z.object({
  items: z.array(DeliverySummary),
  total: z.number().int().nonnegative(),
  /** True when `total` is an estimate (counting exactly would cost more than the page itself). */
  totalIsEstimate: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type DeliveriesListOutput = z.infer<typeof DeliveriesListOutput>;

export const DeliveryIdInput = z.object({ id: z.string().min(1).max(100) });

export const deliveriesContract = {
  'deliveries.list': { input: DeliveriesListInput, output: DeliveriesListOutput },
  'deliveries.get': { input: DeliveryIdInput, output: DeliveryDetail },
} as const;
