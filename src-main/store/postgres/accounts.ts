import type pg from 'pg';
import type { Role } from '../../../src-shared/contract/roles.js';
import type { AccountStore, ApiTokenRecord, PersonPatch, PersonRecord, SignInSessionRecord } from '../accounts-types.js';

interface PersonRow {
  name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
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
  disabled: r.disabled,
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

export class PgAccountStore implements AccountStore {
  constructor(private readonly pool: pg.Pool) {}

  private async one<Row extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<Row | undefined> {
    return (await this.pool.query<Row>(sql, params)).rows[0];
  }

  private async changed(sql: string, params: unknown[]): Promise<number> {
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }

  async listPeople() {
    return (await this.pool.query<PersonRow>('SELECT * FROM people ORDER BY name')).rows.map(person);
  }

  async getPerson(name: string) {
    const row = await this.one<PersonRow>('SELECT * FROM people WHERE name = $1', [name]);
    return row ? person(row) : null;
  }

  async addPerson(r: PersonRecord) {
    const added = await this.changed(
      `INSERT INTO people (name, role, password_hash, disabled, created_at, updated_at, last_sign_in_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (name) DO NOTHING`,
      [r.name, r.role, r.passwordHash, r.disabled, r.createdAt, r.updatedAt, r.lastSignInAt],
    );
    return added === 1;
  }

  async updatePerson(name: string, patch: PersonPatch) {
    const sets: string[] = [];
    const values: unknown[] = [name];
    for (const [key, column] of Object.entries(PATCH_COLUMNS)) {
      const value = patch[key as keyof PersonPatch];
      if (value === undefined) continue;
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    }
    if (sets.length > 0) await this.pool.query(`UPDATE people SET ${sets.join(', ')} WHERE name = $1`, values);
    return this.getPerson(name);
  }

  async countEnabledPeople() {
    return (await this.one<{ n: number }>('SELECT count(*) AS n FROM people WHERE NOT disabled', []))!.n;
  }

  async addToken(r: ApiTokenRecord) {
    await this.pool.query(
      `INSERT INTO api_tokens (id, person, label, token_sha256, created_at, last_used_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [r.id, r.person, r.label, r.tokenSha256, r.createdAt, r.lastUsedAt, r.revokedAt],
    );
  }

  async findToken(tokenSha256: string) {
    const row = await this.one<TokenRow>('SELECT * FROM api_tokens WHERE token_sha256 = $1', [tokenSha256]);
    return row ? token(row) : null;
  }

  async getToken(id: string) {
    const row = await this.one<TokenRow>('SELECT * FROM api_tokens WHERE id = $1', [id]);
    return row ? token(row) : null;
  }

  async listTokens(personName: string) {
    const { rows } = await this.pool.query<TokenRow>('SELECT * FROM api_tokens WHERE person = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id DESC', [
      personName,
    ]);
    return rows.map(token);
  }

  async revokeToken(id: string, at: string) {
    return (await this.changed('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) === 1;
  }

  async touchToken(id: string, at: string) {
    await this.pool.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [at, id]);
  }

  async addSession(r: SignInSessionRecord) {
    await this.pool.query('INSERT INTO sign_in_sessions (id_sha256, person, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5)', [
      r.idSha256,
      r.person,
      r.createdAt,
      r.expiresAt,
      r.lastSeenAt,
    ]);
  }

  async findSession(idSha256: string) {
    const row = await this.one<SessionRow>('SELECT * FROM sign_in_sessions WHERE id_sha256 = $1', [idSha256]);
    return row ? session(row) : null;
  }

  async touchSession(idSha256: string, at: string) {
    await this.pool.query('UPDATE sign_in_sessions SET last_seen_at = $1 WHERE id_sha256 = $2', [at, idSha256]);
  }

  async removeSession(idSha256: string) {
    await this.pool.query('DELETE FROM sign_in_sessions WHERE id_sha256 = $1', [idSha256]);
  }

  async removeSessionsOf(personName: string) {
    return this.changed('DELETE FROM sign_in_sessions WHERE person = $1', [personName]);
  }

  async removeExpiredSessions(now: string) {
    return this.changed('DELETE FROM sign_in_sessions WHERE expires_at <= $1', [now]);
  }
}
