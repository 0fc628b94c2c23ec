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
      limit: z.number().int().min(1).max(500).default(100),
      cursor: z.string().max(40).optional(),
    }),
    output: z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }),
  },
} as const;
