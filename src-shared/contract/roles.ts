import { z } from 'zod';

/**
 * What a person may do on a shared Gatewatch. Each role includes the one before it:
 * viewer (inbox, timelines, verification, exports), operator (also sessions, status refresh,
 * tx lookup, replay, relay retries), admin (also provider credentials and secrets, replay
 * targets, relay routes, retention, listener settings, people).
 */
export const Role = z.enum(['viewer', 'operator', 'admin']);
export type Role = z.infer<typeof Role>;

export const roles: readonly Role[] = Role.options;

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** True when a person with role `have` may make a call that needs `need`. */
export function roleAllows(have: Role, need: Role): boolean {
  return rank[have] >= rank[need];
}

const withArticle = (role: Role): string => (role === 'operator' || role === 'admin' ? `an ${role}` : `a ${role}`);

/**
 * What a call does, as a person would name it in a refusal: the longest prefix of the call's
 * name found here. "Replay needs the operator role; you are a viewer."
 */
const callWords: ReadonlyArray<readonly [prefix: string, words: string]> = [
  ['deliveries.revealHeaders', 'Revealing credential headers'],
  ['deliveries.import', 'Importing deliveries'],
  ['deliveries', 'Reading deliveries'],
  ['listener.configure', 'Changing the listener settings'],
  ['listener', 'The listener status'],
  ['providers.get', 'Reading the provider settings'],
  ['providers', 'Changing provider credentials and secrets'],
  ['audit', 'The audit log'],
  ['timeline', 'Payment timelines'],
  ['dashboard', 'The dashboard'],
  ['sessions.settings.save', 'Changing the session settings'],
  ['sessions.settings', 'The session settings'],
  ['sessions.lookupWithdrawTx', 'Looking up a withdraw transaction'],
  ['sessions.refresh', 'Refreshing a session’s status'],
  ['sessions', 'Payment sessions'],
  ['replay.targets.list', 'Choosing a replay target'],
  ['replay.targets', 'Changing replay targets'],
  ['replay', 'Replay'],
  ['retention', 'Retention'],
  ['users', 'Managing people'],
  ['tokens', 'API tokens'],
  ['account', 'Your account'],
  ['workspace', 'Choosing a workspace'],
  ['relay.routes', 'Changing relay routes'],
  ['relay.pause', 'Pausing a relay route'],
  ['relay.resume', 'Resuming a relay route'],
  ['relay.retry', 'Relay retries'],
  ['relay', 'Relay'],
  ['alerts.configure', 'Changing the alert settings'],
  ['alerts.test', 'Sending a test alert'],
  ['alerts', 'Alerts'],
  ['views.list', 'Reading saved views'],
  ['views', 'Changing saved views'],
];

/** The words for a call (its name, when no prefix above fits). */
export function callAction(name: string): string {
  let best: readonly [string, string] | null = null;
  for (const entry of callWords) {
    const [prefix] = entry;
    if ((name === prefix || name.startsWith(`${prefix}.`)) && (best === null || prefix.length > best[0].length)) best = entry;
  }
  return best ? best[1] : name;
}

/** The refusal, in words, when `have` may not make a call that needs `need`. */
export function roleRefusal(name: string, need: Role, have: Role): string {
  return `${callAction(name)} needs the ${need} role; you are ${withArticle(have)}.`;
}

/** The same refusal for a part of the console rather than one call ("Settings need the admin role; you are a viewer."). */
export function sectionRefusal(section: string, need: Role, have: Role, plural = false): string {
  return `${section} ${plural ? 'need' : 'needs'} the ${need} role; you are ${withArticle(have)}.`;
}
