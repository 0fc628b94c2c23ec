import { z } from 'zod';

/**
 * Where a delivery came from when the listener did not receive it: imported from a HAR file or
 * a pasted cURL command. Null (absent) for everything the listener captured.
 */
export const DeliveryOrigin = z.object({
  kind: z.literal('imported'),
  format: z.enum(['har', 'curl']),
  /** In words: the HAR file's name and which entry, or "a pasted cURL command". */
  source: z.string(),
  /** The URL the request was made to, as the import said. */
  url: z.string(),
  importedAt: z.string(),
});
export type DeliveryOrigin = z.infer<typeof DeliveryOrigin>;
