import type { Role } from '../../src-shared/contract/roles.js';

/** A person who may sign in to a shared console. The password is kept only as its scrypt hash. */
export interface PersonRecord {
  name: string;
  role: Role;
  /** `scrypt$…` (see accounts/passwords.ts): algorithm, cost, salt and hash, never the password. */
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

/** A person's API token: only the SHA-256 of the token is kept, so the token is shown once. */
export interface ApiTokenRecord {
  id: string;
  person: string;
  label: string;
  tokenSha256: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A signed-in browser (or desktop) session, by the SHA-256 of the id its cookie carries. */
export interface SignInSessionRecord {
  idSha256: string;
  person: string;
  createdAt: string;
  /** Ends then, however active (the absolute lifetime). */
  expiresAt: string;
  lastSeenAt: string;
}

export type PersonPatch = Partial<Pick<PersonRecord, 'role' | 'passwordHash' | 'disabled' | 'lastSignInAt'>> & { updatedAt?: string };

/** People, their API tokens and their sign-in sessions (serve mode's accounts). */
export interface AccountStore {
  listPeople(): Promise<PersonRecord[]>;
  getPerson(name: string): Promise<PersonRecord | null>;
  /** False when the name is taken. */
  addPerson(record: PersonRecord): Promise<boolean>;
  /** The person after the change; null when there is no such person. */
  updatePerson(name: string, patch: PersonPatch): Promise<PersonRecord | null>;
  countEnabledPeople(): Promise<number>;

  addToken(record: ApiTokenRecord): Promise<void>;
  /** A token by its hash, revoked or not. */
  findToken(tokenSha256: string): Promise<ApiTokenRecord | null>;
  getToken(id: string): Promise<ApiTokenRecord | null>;
  /** Tokens not revoked, newest first. */
  listTokens(person: string): Promise<ApiTokenRecord[]>;
  /** False when there was no such token not yet revoked. */
  revokeToken(id: string, at: string): Promise<boolean>;
  touchToken(id: string, at: string): Promise<void>;

  addSession(record: SignInSessionRecord): Promise<void>;
  findSession(idSha256: string): Promise<SignInSessionRecord | null>;
  touchSession(idSha256: string, at: string): Promise<void>;
  removeSession(idSha256: string): Promise<void>;
  /** Ends every session of a person (password reset, disabled); returns how many. */
  removeSessionsOf(person: string): Promise<number>;
  /** Drops sessions that ended before `now` (ISO). */
  removeExpiredSessions(now: string): Promise<number>;
}
