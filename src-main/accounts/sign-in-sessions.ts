import { createHash, randomBytes } from 'node:crypto';
import type { AccountStore } from '../store/accounts-types.js';
import type { Caller } from './caller.js';

/** A session ends this long after sign-in, however active. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;
/** …or after this long without a request. */
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
const TOUCH_EVERY_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * People's sessions, by a random id carried in the console's HttpOnly cookie. The store keeps
 * only the id's SHA-256 (a copy of the database opens no session), so they outlive a restart of
 * serve mode, but not their lifetime, a quiet spell, a password reset or the person being disabled.
 */
export class SignInSessions {
  constructor(private readonly deps: { store: AccountStore; people: { callerFor(name: string): Promise<Caller | null> }; now?: () => Date }) {}

  private now(): number {
    return (this.deps.now?.() ?? new Date()).getTime();
  }

  async open(person: string): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.deps.store.removeExpiredSessions(new Date(now).toISOString());
    await this.deps.store.addSession({
      idSha256: sha256(id),
      person,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + SESSION_LIFETIME_MS).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
    });
    return id;
  }

  /** Who the session speaks for now; null when it is unknown, ended, or its person disabled. */
  async callerFor(id: string): Promise<Caller | null> {
    const key = sha256(id);
    const session = await this.deps.store.findSession(key);
    if (!session) return null;
    const now = this.now();
    if (now >= Date.parse(session.expiresAt) || now - Date.parse(session.lastSeenAt) >= SESSION_IDLE_MS) {
      await this.deps.store.removeSession(key);
      return null;
    }
    const caller = await this.deps.people.callerFor(session.person);
    if (!caller) return null;
    if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await this.deps.store.touchSession(key, new Date(now).toISOString());
    return caller;
  }

  async close(id: string): Promise<void> {
    await this.deps.store.removeSession(sha256(id));
  }
}
