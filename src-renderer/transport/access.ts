import { AUTH_PATHS, ConsoleSessionStatus, type ConsoleSignInMethod } from '../../src-shared/contract/console-auth.js';
import { ApiErrorBody } from '../../src-shared/contract/errors.js';
import { NOT_ANSWERING } from './connection.js';

/** How the page reaches the console: the desktop's bridge, serve mode's API, or not yet (a sign-in is asked for, by these methods). */
export type Access = { kind: 'ipc' } | { kind: 'http' } | { kind: 'sign-in'; message: string | null; methods: ConsoleSignInMethod[] };

export type SignInResult = { ok: true } | { ok: false; message: string };

type Fetch = typeof fetch;

/**
 * The token in the page's address (`?token=…`, as `npm run serve` prints it), taken out of it so
 * it is in no history entry, screenshot or copied link. The rest (the view after `#`) stays.
 */
export function takeTokenFromAddress(win: Pick<Window, 'location' | 'history'>): string | null {
  const url = new URL(win.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return null;
  url.searchParams.delete('token');
  win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
  return token.trim() || null;
}

/** Whether this browser already has a console session (its cookie). */
export async function sessionStatus(fetchImpl: Fetch = fetch, base = ''): Promise<ConsoleSessionStatus> {
  const response = await fetchImpl(`${base}${AUTH_PATHS.session}`, { credentials: 'same-origin' });
  return ConsoleSessionStatus.parse(await response.json());
}

/** POSTs to a sign-in route of the page's own console; its answer sets (or clears) the session cookie. */
async function authPost(path: string, body: unknown, fetchImpl: Fetch, base: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetchImpl(`${base}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: NOT_ANSWERING };
  }
  if (response.ok) return { ok: true };
  const error = ApiErrorBody.safeParse(((await response.json().catch(() => ({}))) as { error?: unknown }).error);
  return { ok: false, message: error.success ? error.data.message : `The console answered HTTP ${response.status}.` };
}

/** Presents the token once; the console answers with a session cookie for this browser. */
export function signInWithToken(token: string, fetchImpl: Fetch = fetch, base = ''): Promise<SignInResult> {
  return authPost(AUTH_PATHS.token, { token }, fetchImpl, base);
}

/** A person's name and password; the console answers with a session cookie for this browser. */
export function signInWithPassword(name: string, password: string, fetchImpl: Fetch = fetch, base = ''): Promise<SignInResult> {
  return authPost(AUTH_PATHS.signIn, { name, password }, fetchImpl, base);
}

/** Ends this browser's session. */
export async function signOut(fetchImpl: Fetch = fetch, base = ''): Promise<void> {
  await authPost(AUTH_PATHS.signOut, {}, fetchImpl, base);
}

/** How to sign in here, asked again (after a sign-out or a refused call); the token when the console cannot say. */
export async function signInMethods(fetchImpl: Fetch = fetch): Promise<ConsoleSignInMethod[]> {
  try {
    return (await sessionStatus(fetchImpl)).methods;
  } catch {
    return ['token'];
  }
}

/**
 * At start: the desktop's bridge when there is one; otherwise a token in the address (a printed
 * console URL) is exchanged for a session cookie, or an existing cookie is used; failing both, the
 * page asks for a name and password (or the token), and the address (the view the link named) is
 * kept for after it.
 */
export async function startAccess(win: Pick<Window, 'location' | 'history'> & { gatewatch?: unknown }, fetchImpl: Fetch = fetch): Promise<Access> {
  if (win.gatewatch) return { kind: 'ipc' };
  const token = takeTokenFromAddress(win);
  if (token !== null) {
    const signedIn = await signInWithToken(token, fetchImpl);
    return signedIn.ok ? { kind: 'http' } : { kind: 'sign-in', message: signedIn.message, methods: await signInMethods(fetchImpl) };
  }
  try {
    const status = await sessionStatus(fetchImpl);
    return status.signedIn ? { kind: 'http' } : { kind: 'sign-in', message: null, methods: status.methods };
  } catch {
    return { kind: 'sign-in', message: NOT_ANSWERING, methods: ['token'] };
  }
}
