import type { AccountStore } from '../store/accounts-types.js';
import type { AuditLog } from '../services/audit.js';
import { ApiTokens } from './api-tokens.js';
import { PeopleService } from './people-service.js';
import { SignInSessions } from './sign-in-sessions.js';

/** People, their API tokens and their sign-in sessions, over one store. */
export interface Accounts {
  people: PeopleService;
  tokens: ApiTokens;
  sessions: SignInSessions;
}

export function createAccounts(deps: { store: AccountStore; audit: AuditLog; now?: () => Date }): Accounts {
  const people = new PeopleService(deps);
  return {
    people,
    tokens: new ApiTokens({ ...deps, people }),
    sessions: new SignInSessions({ ...deps, people }),
  };
}
