import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../../src-shared/contract/errors.js';
import { AUTH_PATHS, type ConsoleSessionStatus, TokenSignInInput } from '../../src-shared/contract/console-auth.js';
import { readJson, sendError, sendJson } from './answers.js';
import { ConsoleSessions, type ConsolePrincipal } from './console-sessions.js';
import { bearerToken, clearedSessionCookie, readCookie, sameOriginWrite, sessionCookie, sessionCookieName, tokenMatches } from './security.js';

/** A request's credentials, once checked: who it speaks for, and what carried it. */
export interface Identified {
  principal: ConsolePrincipal;
  /** A bearer token (scripts, the page of an older build) or the browser's session cookie. */
  via: 'token' | 'cookie';
}

const METHODS: ConsoleSessionStatus['methods'] = ['token'];

/**
 * Who may use the console: the bearer token serve mode printed, or a session cookie the browser
 * got by presenting that token once (`POST /auth/token`), so a link opened in another tab works.
 */
export class ConsoleAuth {
  private readonly sessions = new ConsoleSessions();

  constructor(
    private readonly token: string,
    /** The console's port (known once it listens). */
    private readonly port: () => number,
  ) {}

  identify(request: IncomingMessage): Identified | null {
    const bearer = bearerToken(request);
    if (bearer !== undefined) return tokenMatches(bearer, this.token) ? { principal: { kind: 'owner' }, via: 'token' } : null;
    const principal = this.sessions.find(readCookie(request, sessionCookieName(this.port())));
    return principal ? { principal, via: 'cookie' } : null;
  }

  /** Answers `/auth/…`; the caller has checked Host and Origin. */
  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (path === AUTH_PATHS.session && request.method === 'GET') {
      sendJson(response, 200, this.status(this.identify(request) !== null));
      return;
    }
    if (request.method !== 'POST' || (path !== AUTH_PATHS.token && path !== AUTH_PATHS.signOut)) {
      sendError(response, new ApiError('not_found', 'No such sign-in route.'));
      return;
    }
    // Only the console's own page signs in or out: a form on another site cannot set the cookie.
    if (!sameOriginWrite(request, this.port())) {
      sendError(response, new ApiError('forbidden', 'Sign-in is accepted only from the console page itself.'));
      return;
    }
    const port = this.port();
    if (path === AUTH_PATHS.signOut) {
      this.sessions.close(readCookie(request, sessionCookieName(port)));
      sendJson(response, 200, this.status(false), { 'set-cookie': clearedSessionCookie(port) });
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
    const id = this.sessions.open({ kind: 'owner' });
    sendJson(response, 200, this.status(true), { 'set-cookie': sessionCookie(port, id) });
  }

  private status(signedIn: boolean): ConsoleSessionStatus {
    return { signedIn, methods: METHODS };
  }
}
