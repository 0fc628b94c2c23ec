import { randomBytes } from 'node:crypto';

/**
 * Who a console request speaks for. Today there is one: the owner, who holds serve mode's token.
 * Accounts (people with a name, a password and a role) are meant to become more kinds here, so
 * every check that asks "who is this?" already goes through one value.
 */
export type ConsolePrincipal = { kind: 'owner' };

/** Sessions kept at most; past it the oldest is forgotten (its browser is asked for the token again). */
const MAX_SESSIONS = 1000;

/**
 * Browser sessions of the console, by a random id carried in an HttpOnly cookie: the token itself
 * never goes into a cookie. They live in memory, so they end with the serve run, as the cookie
 * (no Max-Age) ends with the browser.
 */
export class ConsoleSessions {
  private readonly sessions = new Map<string, { principal: ConsolePrincipal; openedAt: number }>();

  open(principal: ConsolePrincipal, now = Date.now()): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { principal, openedAt: now });
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return id;
  }

  find(id: string | undefined): ConsolePrincipal | null {
    return id === undefined ? null : (this.sessions.get(id)?.principal ?? null);
  }

  close(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}
