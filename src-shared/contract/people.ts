/**
 * People on a shared Gatewatch (serve mode): who may sign in, with which role, and their API
 * tokens for scripts. Passwords and tokens go in, never out: a token is answered once, when made.
 */
import { z } from 'zod';
import { Role } from './roles.js';

/** Names people sign in with; also what the audit log shows. */
export const PersonName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{1,39}$/, 'a name is 2 to 40 letters, digits, dots, dashes or underscores, starting with a letter')
  .refine((name) => name !== 'owner', 'the name “owner” is kept for the console token');

export const Password = z.string().min(12, 'a password needs at least 12 characters').max(1024, 'a password may have at most 1024 characters');

export const TokenLabel = z
  .string()
  .trim()
  .min(1, 'give the token a label, e.g. what script uses it')
  .max(60, 'a label may have at most 60 characters')
  .regex(/^[^\p{Cc}]*$/u, 'a label cannot contain control characters');

/** How the console knows who a call is from. */
export const CallerKind = z.enum([
  /** The desktop app's own user, on this computer's store. */
  'local',
  /** Serve mode's console token (`--token`, the token file): the owner, with admin rights. */
  'owner',
  /** A person signed in with a name and password. */
  'person',
  /** A person's API token (a script). */
  'token',
]);
export type CallerKind = z.infer<typeof CallerKind>;

/** Who a call speaks for, as the console may show it. */
export const Caller = z.object({
  kind: CallerKind,
  name: z.string(),
  role: Role,
  /** The API token's label when the call came with one. */
  tokenLabel: z.string().nullable(),
});
export type Caller = z.infer<typeof Caller>;

export const PersonView = z.object({
  name: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type PersonView = z.infer<typeof PersonView>;

export const ApiTokenView = z.object({
  id: z.string(),
  label: z.string(),
  person: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

const byName = z.strictObject({ name: PersonName });

export const peopleContract = {
  /** Who this call speaks for: the console shows and hides what the role allows (the server still decides). */
  'account.me': { input: z.object({}).default({}), output: Caller, role: 'viewer' },
  'users.list': { input: z.object({}).default({}), output: z.object({ people: z.array(PersonView) }), role: 'admin' },
  'users.add': { input: z.strictObject({ name: PersonName, role: Role, password: Password }), output: PersonView, role: 'admin' },
  'users.setRole': { input: z.strictObject({ name: PersonName, role: Role }), output: PersonView, role: 'admin' },
  /** A disabled person cannot sign in; their sessions and tokens stop working at once. */
  'users.disable': { input: byName, output: PersonView, role: 'admin' },
  'users.enable': { input: byName, output: PersonView, role: 'admin' },
  /** Ends the person's sessions; their API tokens keep working (revoke those apart). */
  'users.resetPassword': { input: z.strictObject({ name: PersonName, password: Password }), output: PersonView, role: 'admin' },
  /** A token for the calling person, answered once: only its hash is kept. */
  'tokens.create': {
    input: z.strictObject({ label: TokenLabel }),
    output: z.object({ token: z.string(), id: z.string(), label: z.string() }),
    role: 'viewer',
  },
  /** The calling person's tokens (an admin may name another person). */
  'tokens.list': {
    input: z.strictObject({ person: PersonName.optional() }).default({}),
    output: z.object({ tokens: z.array(ApiTokenView) }),
    role: 'viewer',
  },
  /** One of the calling person's tokens (an admin may revoke anyone's). */
  'tokens.revoke': { input: z.strictObject({ id: z.string().min(1).max(100) }), output: z.object({ revoked: z.boolean() }), role: 'viewer' },
} as const;
