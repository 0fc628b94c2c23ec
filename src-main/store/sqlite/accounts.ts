import type Database from 'better-sqlite3';
import type { Role } from '../../../src-shared/contract/roles.js';
import type { AccountStore, ApiTokenRecord, PersonPatch, PersonRecord, SignInSessionRecord } from '../accounts-types.js';

interface PersonRow {
  name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

interface TokenRow {
  id: string;
  person: string;
  label: string;
  token_sha256: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface SessionRow {
  id_sha256: string;
  person: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

const person = (r: PersonRow): PersonRecord => ({
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  disabled: r.disabled !== 0,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lastSignInAt: r.last_sign_in_at,
});

const token = (r: TokenRow): ApiTokenRecord => ({
  id: r.id,
  person: r.person,
  label: r.label,
  tokenSha256: r.token_sha256,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const session = (r: SessionRow): SignInSessionRecord => ({
  idSha256: r.id_sha256,
  person: r.person,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastSeenAt: r.last_seen_at,
});

const PATCH_COLUMNS = { role: 'role', passwordHash: 'password_hash', disabled: 'disabled', lastSignInAt: 'last_sign_in_at', updatedAt: 'updated_at' } as const;

export class SqliteAccountStore implements AccountStore {
  constructor(private readonly db: Database.Database) {}

  async listPeople() {
    return (this.db.prepare('SELECT * FROM people ORDER BY name').all() as PersonRow[]).map(person);
  }

  async getPerson(name: string) {
    const row = this.db.prepare('SELECT * FROM people WHERE name = ?').get(name) as PersonRow | undefined;
    return row ? person(row) : null;
  }

  async addPerson(record: PersonRecord) {
    const result = this.db
      .prepare(`INSERT INTO people (name, role, password_hash, disabled, created_at, updated_at, last_sign_in_at)
        VALUES (@name, @role, @passwordHash, @disabled, @createdAt, @updatedAt, @lastSignInAt) ON CONFLICT(name) DO NOTHING`)
      .run({ ...record, disabled: record.disabled ? 1 : 0 });
    return result.changes === 1;
  }

  async updatePerson(name: string, patch: PersonPatch) {
    const sets: string[] = [];
    const values: Record<string, unknown> = { name };
    for (const [key, column] of Object.entries(PATCH_COLUMNS)) {
      const value = patch[key as keyof PersonPatch];
      if (value === undefined) continue;
      sets.push(`${column} = @${key}`);
      values[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    }
    if (sets.length > 0) this.db.prepare(`UPDATE people SET ${sets.join(', ')} WHERE name = @name`).run(values);
    return this.getPerson(name);
  }

  async countEnabledPeople() {
    return this.db.prepare('SELECT count(*) FROM people WHERE disabled = 0').pluck().get() as number;
  }

  async addToken(record: ApiTokenRecord) {
    this.db
      .prepare(`INSERT INTO api_tokens (id, person, label, token_sha256, created_at, last_used_at, revoked_at)
        VALUES (@id, @person, @label, @tokenSha256, @createdAt, @lastUsedAt, @revokedAt)`)
      .run(record);
  }

  async findToken(tokenSha256: string) {
    const row = this.db.prepare('SELECT * FROM api_tokens WHERE token_sha256 = ?').get(tokenSha256) as TokenRow | undefined;
    return row ? token(row) : null;
  }

  async getToken(id: string) {
    const row = this.db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(id) as TokenRow | undefined;
    return row ? token(row) : null;
  }

  async listTokens(personName: string) {
    const rows = this.db
      .prepare('SELECT * FROM api_tokens WHERE person = ? AND revoked_at IS NULL ORDER BY created_at DESC, id DESC')
      .all(personName) as TokenRow[];
    return rows.map(token);
  }

  async revokeToken(id: string, at: string) {
    return this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async touchToken(id: string, at: string) {
    this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
  }

  async addSession(record: SignInSessionRecord) {
    this.db
      .prepare(`INSERT INTO sign_in_sessions (id_sha256, person, created_at, expires_at, last_seen_at)
        VALUES (@idSha256, @person, @createdAt, @expiresAt, @lastSeenAt)`)
      .run(record);
  }

  async findSession(idSha256: string) {
    const row = this.db.prepare('SELECT * FROM sign_in_sessions WHERE id_sha256 = ?').get(idSha256) as SessionRow | undefined;
    return row ? session(row) : null;
  }

  async touchSession(idSha256: string, at: string) {
    this.db.prepare('UPDATE sign_in_sessions SET last_seen_at = ? WHERE id_sha256 = ?').run(at, idSha256);
  }

  async removeSession(idSha256: string) {
    this.db.prepare('DELETE FROM sign_in_sessions WHERE id_sha256 = ?').run(idSha256);
  }

  async removeSessionsOf(personName: string) {
    return this.db.prepare('DELETE FROM sign_in_sessions WHERE person = ?').run(personName).changes;
  }

  async removeExpiredSessions(now: string) {
    return this.db.prepare('DELETE FROM sign_in_sessions WHERE expires_at <= ?').run(now).changes;
  }
}
