import { randomBytes } from 'node:crypto';

/** Sessions kept at most; past it the oldest is forgotten (its browser is asked for the token again). */
const MAX_SESSIONS = 1000;

/**
 * Browser sessions of the console token's owner, by a random id carried in an HttpOnly cookie:
 * the token itself never goes into a cookie. They live in memory, so they end with the serve
 * run, as the cookie (no Max-Age) ends with the browser. People's sessions are kept apart, in
 * the store (accounts/sign-in-sessions.ts).
 */
export class OwnerSessions {
  private readonly sessions = new Map<string, number>();

  open(now = Date.now()): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, now);
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return id;
  }

  has(id: string | undefined): boolean {
    return id !== undefined && this.sessions.has(id);
  }

  close(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}
