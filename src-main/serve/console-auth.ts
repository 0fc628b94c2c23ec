import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../../src-shared/contract/errors.js';
import { AUTH_PATHS, type ConsoleSessionStatus, TokenSignInInput } from '../../src-shared/contract/console-auth.js';
import type { Accounts } from '../accounts/accounts.js';
import { API_TOKEN_PREFIX } from '../accounts/api-tokens.js';
import { OWNER_CALLER, type Caller } from '../accounts/caller.js';
import { SignInLimiter } from '../accounts/sign-in-limiter.js';
import { readJson, sendError, sendJson } from './answers.js';
import type { ConsoleOrigins } from './console-origins.js';
import { OwnerSessions } from './console-sessions.js';
import { passwordSignIn } from './password-sign-in.js';
import { bearerToken, readCookie, tokenMatches } from './security.js';

/** A request's credentials, once checked: who it speaks for, and what carried it. */
export interface Identified {
  caller: Caller;
  /** A bearer token (the console token, a person's API token) or the browser's session cookie. */
  via: 'token' | 'cookie';
}

/**
 * Who may use the console, decided here and only here: the console token serve mode printed (its
 * owner, an admin), a person's API token, or a session cookie a browser got by signing in with a
 * name and password (`POST /auth/sign-in`) or by presenting the console token once (`POST /auth/token`).
 */
export class ConsoleAuth {
  private readonly ownerSessions = new OwnerSessions();

  constructor(
    private readonly token: string,
    private readonly origins: ConsoleOrigins,
    private readonly accounts: Accounts,
    private readonly limiter: SignInLimiter = new SignInLimiter(),
  ) {}

  async identify(request: IncomingMessage): Promise<Identified | null> {
    const bearer = bearerToken(request);
    if (bearer !== undefined) {
      const caller = bearer.startsWith(API_TOKEN_PREFIX)
        ? await this.accounts.tokens.callerFor(bearer)
        : tokenMatches(bearer, this.token)
          ? OWNER_CALLER
          : null;
      return caller ? { caller, via: 'token' } : null;
    }
    const id = readCookie(request, this.origins.cookieName);
    if (id === undefined) return null;
    if (this.ownerSessions.has(id)) return { caller: OWNER_CALLER, via: 'cookie' };
    const caller = await this.accounts.sessions.callerFor(id);
    return caller ? { caller, via: 'cookie' } : null;
  }

  /** Answers `/auth/…`; the caller has checked Host and Origin. */
  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (path === AUTH_PATHS.session && request.method === 'GET') {
      sendJson(response, 200, await this.status((await this.identify(request))?.caller ?? null));
      return;
    }
    const routes: string[] = [AUTH_PATHS.token, AUTH_PATHS.signIn, AUTH_PATHS.signOut];
    if (request.method !== 'POST' || !routes.includes(path)) {
      sendError(response, new ApiError('not_found', 'No such sign-in route.'));
      return;
    }
    // Only the console's own page signs in or out: a form on another site cannot set the cookie.
    if (!this.origins.sameOriginWrite(request)) {
      sendError(response, new ApiError('forbidden', 'Sign-in is accepted only from the console page itself.'));
      return;
    }
    const previous = readCookie(request, this.origins.cookieName);
    if (path === AUTH_PATHS.signOut) {
      await this.end(previous);
      sendJson(response, 200, await this.status(null), { 'set-cookie': this.origins.clearedCookie() });
      return;
    }
    if (path === AUTH_PATHS.signIn) {
      const outcome = await passwordSignIn(request, { accounts: this.accounts, limiter: this.limiter, clientAddress: this.origins.clientAddress(request) });
      if (!outcome.ok) {
        const retry: Record<string, string> = outcome.retryAfterSeconds === undefined ? {} : { 'retry-after': String(outcome.retryAfterSeconds) };
        sendError(response, outcome.error, retry);
        return;
      }
      // A new id at every sign-in: one a page held before (fixed by someone else, say) opens nothing.
      await this.end(previous);
      sendJson(response, 200, await this.status(outcome.caller), { 'set-cookie': this.origins.sessionCookie(outcome.sessionId) });
      return;
    }
    const input = TokenSignInInput.safeParse(await readJson(request, 4096));
    if (!input.success) {
      sendError(response, new ApiError('bad_request', 'Paste the console token.'));
      return;
    }
    if (!tokenMatches(input.data.token, this.token)) {
      sendError(
        response,
        new ApiError('unauthorized', 'That is not this console’s token: copy it again from where `npm run serve` printed it, or from the token file.'),
      );
      return;
    }
    await this.end(previous);
    sendJson(response, 200, await this.status(OWNER_CALLER), { 'set-cookie': this.origins.sessionCookie(this.ownerSessions.open()) });
  }

  private async end(id: string | undefined): Promise<void> {
    if (id === undefined) return;
    this.ownerSessions.close(id);
    await this.accounts.sessions.close(id);
  }

  private async status(who: Caller | null): Promise<ConsoleSessionStatus> {
    const methods: ConsoleSessionStatus['methods'] = (await this.accounts.people.anyoneCanSignIn()) ? ['password', 'token'] : ['token'];
    return { signedIn: who !== null, methods, who };
  }
}
