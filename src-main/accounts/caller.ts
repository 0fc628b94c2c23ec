import { userInfo } from 'node:os';
import type { Caller } from '../../src-shared/contract/people.js';

export type { Caller } from '../../src-shared/contract/people.js';

function systemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The desktop app's user at this computer (the OS account), with every right over its own store. */
export function localCaller(name = systemUser()): Caller {
  return { kind: 'local', name, role: 'admin', tokenLabel: null };
}

/** Someone at this computer running a command (`npm run serve -- users …`), as the audit log names them. */
export function commandLineCaller(): Caller {
  return localCaller(`${systemUser()} (command line)`);
}

/** Serve mode's console token (`--token`, the token file): the owner, an admin. */
export const OWNER_CALLER: Caller = { kind: 'owner', name: 'owner', role: 'admin', tokenLabel: null };

/**
 * How the audit log names a caller: the person, the person and which of their tokens, or the
 * console token. A person's entries all start with their name, so the log filters by person.
 */
export function auditName(caller: Caller): string {
  switch (caller.kind) {
    case 'owner':
      return 'owner (console token)';
    case 'token':
      return `${caller.name} (token “${caller.tokenLabel ?? '?'}”)`;
    default:
      return caller.name;
  }
}

/** The person a caller speaks for (their tokens included); null for the owner and the desktop's own user. */
export function personOf(caller: Caller): string | null {
  return caller.kind === 'person' || caller.kind === 'token' ? caller.name : null;
}
