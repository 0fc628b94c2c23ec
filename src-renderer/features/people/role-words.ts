import type { Role } from '../../../src-shared/contract/roles.js';

/** What each role may do, as the People section explains it. */
export const ROLE_WORDS: Record<Role, string> = {
  viewer: 'reads the inbox, timelines, verification and exports',
  operator: 'also creates sessions, refreshes status, looks up tx hashes and replays',
  admin: 'also changes provider credentials and secrets, replay targets, retention, settings and people',
};

/** A call error's message for one field (`issues` with that path), if it has one. */
export function fieldIssue(error: unknown, field: string): string | null {
  const issues = (error as { issues?: Array<{ path: string; message: string }> } | null)?.issues ?? [];
  return issues.find((issue) => issue.path === field)?.message ?? null;
}
