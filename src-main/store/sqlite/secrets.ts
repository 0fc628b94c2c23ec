import type Database from 'better-sqlite3';
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

function toRecord(r: SecretRow): SecretRecord {
  return {
    owner: r.owner,
    kind: r.kind,
    label: r.label,
    keyRef: r.key_ref,
    ciphertext: r.ciphertext,
    masked: r.masked,
    updatedAt: r.updated_at,
  };
}

export class SqliteSecretStore implements SecretStore {
  constructor(private readonly db: Database.Database) {}

  async list(owner: string, kind?: string): Promise<SecretRecord[]> {
    const rows = (
      kind === undefined
        ? this.db.prepare('SELECT * FROM secrets WHERE owner = ? ORDER BY kind, label').all(owner)
        : this.db.prepare('SELECT * FROM secrets WHERE owner = ? AND kind = ? ORDER BY label').all(owner, kind)
    ) as SecretRow[];
    return rows.map(toRecord);
  }

  async all(): Promise<SecretRecord[]> {
    return (this.db.prepare('SELECT * FROM secrets ORDER BY owner, kind, label').all() as SecretRow[]).map(toRecord);
  }

  async put(record: SecretRecord): Promise<void> {
    this.db
      .prepare(`INSERT INTO secrets (owner, kind, label, key_ref, ciphertext, masked, updated_at)
        VALUES (@owner, @kind, @label, @keyRef, @ciphertext, @masked, @updatedAt)
        ON CONFLICT(owner, kind, label) DO UPDATE SET key_ref = excluded.key_ref, ciphertext = excluded.ciphertext,
          masked = excluded.masked, updated_at = excluded.updated_at`)
      .run({ ...record, ciphertext: Buffer.from(record.ciphertext) });
  }

  async remove(owner: string, kind?: string, label?: string): Promise<void> {
    if (kind === undefined) this.db.prepare('DELETE FROM secrets WHERE owner = ?').run(owner);
    else if (label === undefined) this.db.prepare('DELETE FROM secrets WHERE owner = ? AND kind = ?').run(owner, kind);
    else this.db.prepare('DELETE FROM secrets WHERE owner = ? AND kind = ? AND label = ?').run(owner, kind, label);
  }
}
