import { z } from 'zod';
import { DeliveryProvider } from '../domain/provider.js';
import { VerificationStatus } from '../domain/verification.js';
import { NormalizedStatus } from '../domain/normalized.js';
import { DeliveryDetail, DeliverySummary, HeaderPair } from '../domain/delivery.js';
import { RelayStateFilter } from '../relay/states.js';
import { CorrelationKey } from '../domain/normalized.js';

const isoTime = z.iso.datetime({ offset: true });

export const DeliveryEnvironment = z.enum(['production', 'sandbox']);

export const DeliveriesListInput = z.object({
  provider: DeliveryProvider.optional(),
  eventType: z.string().min(1).max(200).optional(),
  status: NormalizedStatus.optional(),
  verification: z.union([VerificationStatus, z.literal('pending')]).optional(),
  /** The environment the event names (Paychant's data.env). */
  environment: DeliveryEnvironment.optional(),
  /** Where relaying the delivery to the merchant's backend stands (relayed deliveries only). */
  relay: RelayStateFilter.optional(),
  /**
   * Full-text search over bodies and references; one word is also looked up among the
   * correlation keys (exactly, and by its start from 6 characters on): README "Search".
   */
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
  /**
   * The correlation key `q` names exactly (as typed, else in upper, else in lower case), with its
   * kind: its payment timeline can be opened. Null when `q` is not one word or no key.
   */
  matchedKey: CorrelationKey.nullable().default(null),
  /**
   * For a one-word `q` of 6 characters or more: the key values that start with it (in the same
   * three forms), then the `containing` values that hold it elsewhere (ASCII case aside), whose
   * deliveries are included in the list. `tooMany` (and no keys) when more than 50 start with
   * it; `moreContaining` (and none of those) when more hold it than the 50 leave room for. Null
   * for any other `q`.
   */
  keyPrefix: z
    .object({
      keys: z.array(CorrelationKey),
      tooMany: z.boolean(),
      containing: z.number().int().nonnegative().default(0),
      moreContaining: z.boolean().default(false),
    })
    .nullable()
    .default(null),
});
export type DeliveriesListOutput = z.infer<typeof DeliveriesListOutput>;

export const DeliveryIdInput = z.object({ id: z.string().min(1).max(100) });

/** The delivery's headers as received, credential values (Authorization, Cookie…) unmasked. */
export const DeliveryRevealedHeaders = z.object({ headers: z.array(HeaderPair) });
export type DeliveryRevealedHeaders = z.infer<typeof DeliveryRevealedHeaders>;

export const deliveriesContract = {
  'deliveries.list': { input: DeliveriesListInput, output: DeliveriesListOutput, role: 'viewer' },
  /** Credential header values come masked (`Bearer ••••abcd`); see deliveries.revealHeaders. */
  'deliveries.get': { input: DeliveryIdInput, output: DeliveryDetail, role: 'viewer' },
  'deliveries.revealHeaders': {
    input: DeliveryIdInput,
    output: DeliveryRevealedHeaders,
    // Serve mode's page is reachable by anything holding the token; the desktop window is the user.
    desktopOnly: 'Revealing credential headers is only possible in the desktop app.',
    role: 'admin',
  },
} as const;
