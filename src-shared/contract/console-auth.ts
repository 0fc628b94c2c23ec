import { z } from 'zod';
import { Caller } from './people.js';

/**
 * Serve mode's sign-in, outside the call contract (it decides who may make calls at all):
 * `GET /auth/session` says whether this browser has a console session and whom it speaks for,
 * `POST /auth/sign-in` opens one for a person (name and password), `POST /auth/token` for the
 * console token's owner, `POST /auth/sign-out` ends it. The session is an HttpOnly cookie the
 * page never reads.
 */
export const ConsoleSignInMethod = z.enum(['password', 'token']);
export type ConsoleSignInMethod = z.infer<typeof ConsoleSignInMethod>;

export const ConsoleSessionStatus = z.object({
  signedIn: z.boolean(),
  /** How this console lets a person in: by name and password once people have accounts, and by the token serve mode printed. */
  methods: z.array(ConsoleSignInMethod),
  /** Whom this browser's session speaks for, with their role; null when not signed in. */
  who: Caller.nullable(),
});
export type ConsoleSessionStatus = z.infer<typeof ConsoleSessionStatus>;

export const TokenSignInInput = z.strictObject({ token: z.string().trim().min(1).max(1000) });
export type TokenSignInInput = z.infer<typeof TokenSignInInput>;

/** Deliberately loose: a name that could never exist is checked (and refused) like any other. */
export const PasswordSignInInput = z.strictObject({ name: z.string().trim().min(1).max(100), password: z.string().min(1).max(1024) });
export type PasswordSignInInput = z.infer<typeof PasswordSignInInput>;

export const AUTH_PATHS = { session: '/auth/session', signIn: '/auth/sign-in', token: '/auth/token', signOut: '/auth/sign-out' } as const;
