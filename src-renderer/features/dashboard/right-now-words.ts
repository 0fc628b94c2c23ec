/** The "right now" strip's words and links: each count says what it counts and opens it. */
import type { DashboardNow, ProviderNow, StuckPayment } from '../../../src-shared/contract/dashboard-now.js';
import { hrefFor } from '../../app/router.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "3 h", "45 min": how long, for a stuck payment. */
export function waitedFor(sinceIso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

export const inboxHref = (filters: Record<string, string>) => hrefFor({ page: 'inbox', params: new URLSearchParams(filters) });

export interface NowCell {
  text: string;
  href: string | null;
  tone: 'ok' | 'bad' | 'warning' | 'muted';
}

/** Signatures that failed in the last hour, to the inbox filtered on them. */
export function failedSignaturesCell(p: ProviderNow, now: Pick<DashboardNow, 'failuresSince'>): NowCell {
  return p.failedSignatures === 0
    ? { text: 'none', href: null, tone: 'muted' }
    : {
        text: plural(p.failedSignatures, 'failed signature'),
        href: inboxHref({ provider: p.provider, verification: 'invalid', since: now.failuresSince }),
        tone: 'bad',
      };
}

/** Replays (and relay attempts, once relay exists) that failed in the last day. */
export function failedSendsCell(p: ProviderNow): NowCell {
  const parts = [
    p.failedReplays > 0 ? plural(p.failedReplays, 'failed replay') : null,
    p.failedRelays ? plural(p.failedRelays, 'failed relay attempt') : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0
    ? { text: 'none', href: null, tone: 'muted' }
    : { text: parts.join(', '), href: hrefFor({ page: 'replay', params: new URLSearchParams() }), tone: 'bad' };
}

/** A stuck payment, to its timeline: "STUCK-1: pending for 3 h". */
export function stuckLine(payment: StuckPayment, now: number): { text: string; href: string } {
  return {
    text: `${payment.reference}: ${payment.status.replace('_', ' ')} for ${waitedFor(payment.lastEventAt, now)}`,
    href: hrefFor({ page: 'timeline', key: payment.reference }),
  };
}

/** How many more are stuck than listed, to the inbox's open payments of that provider waiting since before the threshold. */
export function moreStuck(p: ProviderNow, now: Pick<DashboardNow, 'at' | 'stuckAfterMs' | 'stuckWindowSince'>): NowCell | null {
  const more = p.stuck.count - p.stuck.oldest.length;
  if (more <= 0) return null;
  return {
    text: `and ${more.toLocaleString()} more`,
    href: inboxHref({ provider: p.provider, since: now.stuckWindowSince, until: new Date(Date.parse(now.at) - now.stuckAfterMs).toISOString() }),
    tone: 'warning',
  };
}

/** A provider that sent nothing at all: listed dimmed, as not in use. */
export const isQuiet = (p: ProviderNow) => p.lastDeliveryAt === null && p.failedReplays === 0 && !p.failedRelays && p.stuck.count === 0;
