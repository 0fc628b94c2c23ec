import type { AuditStore } from '../store/audit-types.js';
import { newId } from '../store/ids.js';
import { auditName, localCaller, type Caller } from '../accounts/caller.js';
import { currentCaller } from '../dispatcher/caller-scope.js';

/**
 * Who did what, when, to what: every send to a provider or to staging, every secret change,
 * every change to people and tokens. The actor is the caller of the contract call in progress
 * (the person, their token, the console token, or the desktop's user); work no call started
 * (background pruning) is recorded as this computer's user.
 */
export class AuditLog {
  private readonly fallback: Caller = localCaller();

  constructor(private readonly store: AuditStore) {}

  async record(action: string, subject: string | null, summary: string, details: Record<string, unknown> = {}): Promise<void> {
    const actor = auditName(currentCaller() ?? this.fallback);
    await this.store.append({ id: newId('aud'), at: new Date().toISOString(), actor, action, subject, summary, details });
  }
}
