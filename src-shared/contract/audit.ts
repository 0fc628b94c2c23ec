import { z } from 'zod';

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const auditContract = {
  'audit.list': {
    input: z.object({
      subject: z.string().max(100).optional(),
      action: z.string().max(100).optional(),
      /** Entries by this person (their own and their tokens'), or `owner` for the console token. */
      actor: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      cursor: z.string().max(40).optional(),
    }),
    output: z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }),
    role: 'viewer',
  },
  /** Everyone who has an entry, by name (a person and their tokens are one), for the audit page's filter. */
  'audit.actors': { input: z.object({}).default({}), output: z.object({ actors: z.array(z.string()) }), role: 'viewer' },
} as const;
