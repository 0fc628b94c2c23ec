import type pg from 'pg';
import type { AuditRecord, AuditStore } from '../audit-types.js';
import type { AuditActorStore } from '../audit-actor-types.js';

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  summary: string;
  details: string;
}

type AuditQuery = { limit: number; beforeSeq?: number; subject?: string; action?: string };

const toRecord = (r: AuditRow) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> });

/** Newest first, by keyset; `where` holds conditions on $1…$n already in `params`. */
async function page(pool: pg.Pool, where: string[], params: unknown[], query: AuditQuery): Promise<Array<AuditRecord & { seq: number }>> {
  const add = (clause: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(clause(params.length));
  };
  add((n) => `seq < $${n}`, query.beforeSeq ?? Number.MAX_SAFE_INTEGER);
  if (query.subject) add((n) => `subject = $${n}`, query.subject);
  if (query.action) add((n) => `action = $${n}`, query.action);
  params.push(query.limit);
  const { rows } = await pool.query<AuditRow>(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT $${params.length}`, params);
  return rows.map(toRecord);
}

export class PgAuditStore implements AuditStore {
  constructor(private readonly pool: pg.Pool) {}

  async append(r: AuditRecord): Promise<void> {
    await this.pool.query('INSERT INTO audit_log (id, at, actor, action, subject, summary, details) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      r.id,
      r.at,
      r.actor,
      r.action,
      r.subject,
      r.summary,
      JSON.stringify(r.details),
    ]);
  }

  list(query: AuditQuery) {
    return page(this.pool, [], [], query);
  }
}

export class PgAuditActorStore implements AuditActorStore {
  constructor(private readonly pool: pg.Pool) {}

  listBy(name: string, query: AuditQuery) {
    // A prefix compared as text, not LIKE: a name's "_" or "%" would be a wildcard there.
    return page(this.pool, ["(actor = $1 OR left(actor, length($1) + 2) = $1 || ' (')"], [name], query);
  }

  async actors() {
    return (await this.pool.query<{ actor: string }>('SELECT DISTINCT actor FROM audit_log ORDER BY actor')).rows.map((r) => r.actor);
  }
}
