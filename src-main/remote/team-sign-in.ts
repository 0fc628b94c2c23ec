import { ApiError, ApiErrorBody } from '../../src-shared/contract/errors.js';
import { AUTH_PATHS, ConsoleSessionStatus } from '../../src-shared/contract/console-auth.js';
import { Caller } from '../../src-shared/contract/people.js';
import { z } from 'zod';

export interface TeamSignIn {
  origin: string;
  /** The API token made for this computer: what it keeps (sealed) and sends from now on. */
  token: string;
  tokenId: string;
  person: Caller;
}

const MadeToken = z.object({ token: z.string().startsWith('gwt_'), id: z.string() });

async function errorOf(response: Response, fallback: string): Promise<ApiError> {
  const body = ApiErrorBody.safeParse(((await response.json().catch(() => ({}))) as { error?: unknown }).error);
  return body.success ? new ApiError(body.data.code, body.data.message, body.data.issues) : new ApiError('unavailable', fallback);
}

/**
 * Signs this computer in on a team server as a person: their name and password open a session
 * (as the console page would, naming the server's origin), that session makes an API token
 * labelled for this computer, and the session is ended. The token is what the desktop keeps:
 * revocable from the server like any other, and the password is not kept anywhere.
 */
export async function signInToTeam(input: { url: string; name: string; password: string; deviceLabel: string; fetch?: typeof fetch }): Promise<TeamSignIn> {
  const fetchImpl = input.fetch ?? globalThis.fetch;
  const origin = new URL(input.url).origin;
  const request = async (path: string, init: RequestInit = {}) => {
    try {
      return await fetchImpl(`${origin}${path}`, init);
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new ApiError('unavailable', `Nothing answers at ${origin}${cause ? ` (${cause})` : ''}: check the address, and that the team server is running.`);
    }
  };
  const status = ConsoleSessionStatus.safeParse(await (await request(AUTH_PATHS.session)).json().catch(() => null));
  if (!status.success) throw new ApiError('bad_request', `${origin} does not answer like a Gatewatch team server: check the address.`);
  if (!status.data.methods.includes('password')) {
    throw new ApiError('bad_request', 'That Gatewatch has no accounts yet: ask its admin to add you (`npm run serve -- users add <name> --role …`).');
  }
  const json = { 'content-type': 'application/json', origin };
  const signedIn = await request(AUTH_PATHS.signIn, { method: 'POST', headers: json, body: JSON.stringify({ name: input.name, password: input.password }) });
  if (!signedIn.ok) throw await errorOf(signedIn, `The team server answered HTTP ${signedIn.status} to the sign-in.`);
  const cookie = signedIn.headers.get('set-cookie')?.split(';')[0];
  const who = ConsoleSessionStatus.parse(await signedIn.json()).who;
  if (!cookie || !who) throw new ApiError('unavailable', 'The team server signed you in but gave no session: is it another version of Gatewatch?');
  try {
    const made = await request('/api/tokens.create', { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ label: input.deviceLabel }) });
    if (!made.ok) throw await errorOf(made, `The team server answered HTTP ${made.status} when making this computer’s token.`);
    const token = MadeToken.parse(await made.json());
    return { origin, token: token.token, tokenId: token.id, person: Caller.parse(who) };
  } finally {
    // The session served its purpose; the token is what stays.
    await request(AUTH_PATHS.signOut, { method: 'POST', headers: { origin, cookie } }).catch(() => undefined);
  }
}

/** Tells the team server to forget this computer's token (when the person leaves the team workspace); failures are not fatal. */
export async function revokeTeamToken(server: { origin: string; token: string; tokenId: string; fetch?: typeof fetch }): Promise<boolean> {
  try {
    const response = await (server.fetch ?? globalThis.fetch)(`${server.origin}/api/tokens.revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: server.tokenId }),
    });
    return response.ok;
  } catch {
    return false;
  }
}
