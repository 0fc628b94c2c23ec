/**
 * Moving deliveries between tools: import from a HAR file or a cURL command (a call), and the
 * export stream's query (`GET /api/export`, not a call: it streams, so it has no output schema).
 */
import { z } from 'zod';
import { DeliveryProvider, ProviderId } from '../domain/provider.js';
import { DeliveriesListInput } from './deliveries.js';

export const ExportFormat = z.enum(['har', 'ndjson', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The inbox's filter without paging: an export takes everything the filter shows. */
export const ExportFilter = DeliveriesListInput.pick({
  provider: true,
  eventType: true,
  status: true,
  verification: true,
  environment: true,
  q: true,
  since: true,
  until: true,
});
export type ExportFilter = z.infer<typeof ExportFilter>;

const id = z.string().min(1).max(100);

/** `GET /api/export`'s query parameters (all strings on the wire, as the inbox's URL has them). */
export const ExportQuery = ExportFilter.extend({
  format: ExportFormat,
  /** Export this one delivery instead of a filtered set. */
  id: id.optional(),
  /**
   * `replay-attempts`: the replays sent, as request/response pairs (HAR only), by delivery, job or
   * target. `relay-attempts`: the relay's tries at the merchant's backend, likewise, by delivery or route.
   */
  what: z.enum(['deliveries', 'replay-attempts', 'relay-attempts']).default('deliveries'),
  deliveryId: id.optional(),
  jobId: id.optional(),
  targetId: id.optional(),
  /** `relay-attempts`: the tries of this relay route only. */
  routeId: id.optional(),
})
  .strict()
  .refine((q) => q.what !== 'replay-attempts' || q.format === 'har', {
    message: 'replay attempts are exported as HAR only (format=har)',
    path: ['format'],
  })
  .refine((q) => q.what !== 'relay-attempts' || q.format === 'har', {
    message: 'relay attempts are exported as HAR only (format=har)',
    path: ['format'],
  });
export type ExportQuery = z.infer<typeof ExportQuery>;

/** Import a request made elsewhere: exactly one of a HAR document (its text) or a cURL command. */
export const DeliveryImportInput = z
  .strictObject({
    har: z
      .string()
      .min(1)
      .max(16 * 1024 * 1024)
      .optional(),
    curl: z
      .string()
      .min(1)
      .max(1024 * 1024)
      .optional(),
    /** The HAR file's name, kept with each delivery as where it came from. */
    fileName: z.string().trim().min(1).max(200).optional(),
    /** The provider to file it under when its URL's path does not name one (`/webhooks/<provider>`). */
    provider: ProviderId.optional(),
  })
  .refine((input) => (input.har === undefined) !== (input.curl === undefined), {
    message: 'give either a HAR document (har) or a cURL command (curl), one of them',
  });
export type DeliveryImportInput = z.infer<typeof DeliveryImportInput>;

export const ImportedDelivery = z.object({
  id: z.string(),
  provider: DeliveryProvider,
  method: z.string(),
  url: z.string(),
});

export const DeliveryImportOutput = z.object({
  imported: z.array(ImportedDelivery),
  /** HAR entries that were not imported, and why (by their index in log.entries). */
  skipped: z.array(z.object({ entry: z.number().int().nonnegative(), reason: z.string() })),
});
export type DeliveryImportOutput = z.infer<typeof DeliveryImportOutput>;

export const interopContract = {
  /** Stores the request(s) as deliveries flagged as imported; they are verified and correlated like received ones. */
  'deliveries.import': { input: DeliveryImportInput, output: DeliveryImportOutput, role: 'operator' },
} as const;
