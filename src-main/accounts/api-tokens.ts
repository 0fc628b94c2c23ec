import { createHash, randomBytes } from 'node:crypto';
import { ApiError } from '../../src-shared/contract/errors.js';
import type { ApiTokenView } from '../../src-shared/contract/people.js';
import type { AccountStore, ApiTokenRecord } from '../store/accounts-types.js';
import type { AuditLog } from '../services/audit.js';
import { newId } from '../store/ids.js';
import { personOf, type Caller } from './caller.js';

/** Every API token starts so: serve mode tells it from the console token, and a leaked one is recognisable. */
export const API_TOKEN_PREFIX = 'gwt_';

/** Last-used times are written at most this often per token. */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const view = (token: ApiTokenRecord): ApiTokenView => ({
  id: token.id,
  label: token.label,
  person: token.person,
  createdAt: token.createdAt,
  lastUsedAt: token.lastUsedAt,
});

/**
 * A person's tokens for scripts (and for the desktop app connected to a team server): 256 random
 * bits, shown once; only their SHA-256 is stored (a fast hash is enough for a secret that long).
 * A token speaks for its person with the person's role of the moment, and stops with them.
 */
export class ApiTokens {
  constructor(private readonly deps: { store: AccountStore; audit: AuditLog; people: { callerFor(name: string): Promise<Caller | null> }; now?: () => Date }) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async create(caller: Caller, label: string): Promise<{ token: string; id: string; label: string }> {
    const person = personOf(caller);
    if (person === null) {
      throw new ApiError('bad_request', 'API tokens belong to a person: sign in with your name and password to make one.');
    }
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const record: ApiTokenRecord = {
      id: newId('tok'),
      person,
      label,
      tokenSha256: sha256(token),
      createdAt: this.now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.deps.store.addToken(record);
    await this.deps.audit.record('tokens.create', record.id, `Made an API token “${label}” for ${person}`, { id: record.id, label, person });
    return { token, id: record.id, label };
  }

  async list(caller: Caller, person?: string): Promise<ApiTokenView[]> {
    const whose = person ?? personOf(caller);
    if (whose === null) return [];
    if (whose !== personOf(caller) && caller.role !== 'admin') throw new ApiError('forbidden', 'Only an admin sees another person’s tokens.');
    return (await this.deps.store.listTokens(whose)).map(view);
  }

  /** The caller's own token, or anyone's for an admin. */
  async revoke(caller: Caller, id: string): Promise<boolean> {
    const token = await this.deps.store.getToken(id);
    if (!token || token.revokedAt !== null) return false;
    if (token.person !== personOf(caller) && caller.role !== 'admin') throw new ApiError('forbidden', 'Only an admin revokes another person’s token.');
    const revoked = await this.deps.store.revokeToken(id, this.now().toISOString());
    if (revoked)
      await this.deps.audit.record('tokens.revoke', id, `Revoked ${token.person}’s API token “${token.label}”`, {
        id,
        label: token.label,
        person: token.person,
      });
    return revoked;
  }

  /** Who a presented token speaks for; null when it is unknown, revoked, or its person is disabled. */
  async callerFor(presented: string): Promise<Caller | null> {
    if (!presented.startsWith(API_TOKEN_PREFIX)) return null;
    const token = await this.deps.store.findToken(sha256(presented));
    if (!token || token.revokedAt !== null) return null;
    const person = await this.deps.people.callerFor(token.person);
    if (!person) return null;
    const now = this.now();
    if (token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_EVERY_MS) {
      await this.deps.store.touchToken(token.id, now.toISOString());
    }
    return { kind: 'token', name: person.name, role: person.role, tokenLabel: token.label };
  }
}
