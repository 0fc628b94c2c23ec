import type pg from 'pg';
import type { SecretRecord, SecretStore } from '../secrets-types.js';

interface SecretRow {
  owner: string;
  kind: string;
  label: string;
  key_ref: string | null;
  ciphertext: Buffer;
  masked: string;
  updated_at: string;
}

const toRecord = (r: SecretRow): SecretRecord => ({
  owner: r.owner,
  kind: r.kind,
  label: r.label,
  keyRef: r.key_ref,
  ciphertext: r.ciphertext,
  masked: r.masked,
  updatedAt: r.updated_at,
});

export class PgSecretStore implements SecretStore {
  constructor(private readonly pool: pg.Pool) {}

  async list(owner: string, kind?: string): Promise<SecretRecord[]> {
    const { rows } =
      kind === undefined
        ? await this.pool.query<SecretRow>('SELECT * FROM secrets WHERE owner = $1 ORDER BY kind, label', [owner])
        : await this.pool.query<SecretRow>('SELECT * FROM secrets WHERE owner = $1 AND kind = $2 ORDER BY label', [owner, kind]);
    return rows.map(toRecord);
  }

  async all(): Promise<SecretRecord[]> {
    return (await this.pool.query<SecretRow>('SELECT * FROM secrets ORDER BY owner, kind, label')).rows.map(toRecord);
  }

  async put(r: SecretRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO secrets (owner, kind, label, key_ref, ciphertext, masked, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (owner, kind, label) DO UPDATE SET key_ref = excluded.key_ref, ciphertext = excluded.ciphertext,
         masked = excluded.masked, updated_at = excluded.updated_at`,
      [r.owner, r.kind, r.label, r.keyRef, Buffer.from(r.ciphertext), r.masked, r.updatedAt],
    );
  }

  async remove(owner: string, kind?: string, label?: string): Promise<void> {
    if (kind === undefined) await this.pool.query('DELETE FROM secrets WHERE owner = $1', [owner]);
    else if (label === undefined) await this.pool.query('DELETE FROM secrets WHERE owner = $1 AND kind = $2', [owner, kind]);
    else await this.pool.query('DELETE FROM secrets WHERE owner = $1 AND kind = $2 AND label = $3', [owner, kind, label]);
  }
}
