import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../src-shared/contract/errors.js';
import { PasswordSignInInput } from '../../src-shared/contract/console-auth.js';
import type { Accounts } from '../accounts/accounts.js';
import type { Caller } from '../accounts/caller.js';
import { PasswordCheckBusy } from '../accounts/passwords.js';
import { type SignInLimiter, waitWords } from '../accounts/sign-in-limiter.js';
import { readJson } from './answers.js';

/** One answer for an unknown name, a disabled person and a wrong password: which it was is nobody's business. */
export const SIGN_IN_REFUSED = 'That name and password do not match an account on this console.';

export type SignInOutcome = { ok: true; caller: Caller; sessionId: string } | { ok: false; error: ApiError; retryAfterSeconds?: number };

/**
 * `POST /auth/sign-in {name, password}`: held back first when the name or the address failed too
 * often (no hash is even computed then), then one scrypt check, whatever the name.
 */
export async function passwordSignIn(
  request: IncomingMessage,
  deps: { accounts: Accounts; limiter: SignInLimiter; clientAddress: string },
): Promise<SignInOutcome> {
  const input = PasswordSignInInput.safeParse(await readJson(request, 4096));
  if (!input.success) return { ok: false, error: new ApiError('bad_request', 'Give your name and your password.') };
  const name = input.data.name.toLowerCase();
  const wait = deps.limiter.waitMs(name, deps.clientAddress);
  if (wait > 0) return { ok: false, error: new ApiError('too_many_requests', waitWords(wait)), retryAfterSeconds: Math.ceil(wait / 1000) };
  let person: Awaited<ReturnType<Accounts['people']['authenticate']>>;
  try {
    person = await deps.accounts.people.authenticate(name, input.data.password);
  } catch (error) {
    if (error instanceof PasswordCheckBusy) return { ok: false, error: new ApiError('unavailable', error.message), retryAfterSeconds: 1 };
    throw error;
  }
  if (!person) {
    deps.limiter.failed(name, deps.clientAddress);
    return { ok: false, error: new ApiError('unauthorized', SIGN_IN_REFUSED) };
  }
  deps.limiter.succeeded(name);
  const sessionId = await deps.accounts.sessions.open(person.name);
  return { ok: true, caller: { kind: 'person', name: person.name, role: person.role, tokenLabel: null }, sessionId };
}
