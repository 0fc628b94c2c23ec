import { userInfo } from 'node:os';
import type { AuditStore } from '../store/audit-types.js';
import { newId } from '../store/ids.js';

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Who did what, when, to what: every send to a provider or to staging, every secret change. */
export class AuditLog {
  private readonly actor = currentUser();

  constructor(private readonly store: AuditStore) {}

  async record(action: string, subject: string | null, summary: string, details: Record<string, unknown> = {}): Promise<void> {
    await this.store.append({ id: newId('aud'), at: new Date().toISOString(), actor: this.actor, action, subject, summary, details });
  }
}
