import { z } from 'zod';

/**
 * Serve mode's sign-in, outside the call contract (it decides who may make calls at all):
 * `GET /auth/session` says whether this browser has a console session, `POST /auth/token`
 * opens one from the console token, `POST /auth/sign-out` ends it. The session is an HttpOnly
 * cookie the page never reads; accounts (a name and password) are meant to add a method here.
 */
export const ConsoleSignInMethod = z.enum(['token']);
export type ConsoleSignInMethod = z.infer<typeof ConsoleSignInMethod>;

export const ConsoleSessionStatus = z.object({
  signedIn: z.boolean(),
  /** How this console lets a person in: today only by pasting the token serve mode printed. */
  methods: z.array(ConsoleSignInMethod),
});
export type ConsoleSessionStatus = z.infer<typeof ConsoleSessionStatus>;

export const TokenSignInInput = z.strictObject({ token: z.string().trim().min(1).max(1000) });
export type TokenSignInInput = z.infer<typeof TokenSignInInput>;

export const AUTH_PATHS = { session: '/auth/session', token: '/auth/token', signOut: '/auth/sign-out' } as const;
