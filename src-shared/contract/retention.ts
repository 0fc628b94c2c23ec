import { z } from 'zod';

const days = z.number().int().min(1).max(3650);

export const RetentionStatus = z.object({
  /** Off by default: nothing is ever deleted unless a person turned this on. */
  enabled: z.boolean(),
  /** Deliveries received more than this many days ago are deleted (when enabled). */
  days: days.nullable(),
  lastRun: z.object({ at: z.string(), deleted: z.number().int().nonnegative(), compacted: z.boolean() }).nullable(),
  running: z.boolean(),
});
export type RetentionStatus = z.infer<typeof RetentionStatus>;

export const RetentionPreviewOutput = z.object({
  cutoff: z.string(),
  /** How many stored deliveries are older than the cutoff now. */
  count: z.number().int().nonnegative(),
});

export const retentionContract = {
  'retention.get': { input: z.object({}).default({}), output: RetentionStatus, role: 'admin' },
  'retention.preview': { input: z.object({ days }), output: RetentionPreviewOutput, role: 'admin' },
  /** Turning pruning on deletes data: the caller must say it confirmed that with the user. */
  'retention.configure': {
    input: z.object({ enabled: z.boolean(), days, confirmed: z.boolean().default(false) }),
    output: RetentionStatus,
    role: 'admin',
  },
  'retention.pruneNow': {
    input: z.object({ days, confirmed: z.literal(true) }),
    output: z.object({ cutoff: z.string(), deleted: z.number().int().nonnegative(), status: RetentionStatus }),
    role: 'admin',
  },
} as const;
