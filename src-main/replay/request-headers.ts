/**
 * Which stored headers a replay sends. Hop-by-hop and host-specific headers describe the
 * original connection (RFC 9110 §7.6.1), not the webhook, so they are dropped; the HTTP client
 * sets its own Host and Content-Length for the target. The provider's credentials (Authorization,
 * Cookie…) are dropped too, unless the target keeps them: staging should not get production's.
 */
import type { HeaderPair } from '../../src-shared/domain/delivery.js';
import { isCredentialHeader } from '../../src-shared/domain/credential-headers.js';
import type { RawHeaders } from '../providers/types.js';

const DROPPED = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect']);
const DROPPED_PREFIXES = ['proxy-', 'x-forwarded-'];

export const REPLAY_HEADER = 'X-Gatewatch-Replay';

export function isDroppedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return DROPPED.has(lower) || DROPPED_PREFIXES.some((p) => lower.startsWith(p)) || lower === REPLAY_HEADER.toLowerCase();
}

export interface CredentialPolicy {
  /** The target's choice: send Authorization, Cookie and the like as they were received. */
  forwardCredentials: boolean;
}

/** The headers to send: the stored (or user's) ones minus dropped ones, then the replay marker. */
export function replayHeaders(source: RawHeaders, deliveryId: string, policy: CredentialPolicy): HeaderPair[] {
  const kept: HeaderPair[] = source
    .filter(([name]) => !isDroppedHeader(name) && (policy.forwardCredentials || !isCredentialHeader(name)))
    .map(([n, v]) => [n, v]);
  return [...kept, [REPLAY_HEADER, deliveryId]];
}

/** Parts of a credential shorter than this are not searched on their own: they would mask ordinary text. */
const MIN_CREDENTIAL_PART = 8;

/**
 * What a staging service could echo of the credentials in these headers: each credential
 * header's whole value, the credential after its scheme word (`Bearer <token>`), and each cookie's
 * value. A target that echoes its request then has them masked in the answer that is stored.
 */
export function credentialValues(headers: RawHeaders): string[] {
  const values = new Set<string>();
  for (const [name, value] of headers) {
    if (!isCredentialHeader(name) || value.trim() === '') continue;
    values.add(value);
    const afterScheme = /^[A-Za-z][A-Za-z0-9-]{0,30}\s+(\S.*)$/s.exec(value)?.[1];
    const cookies = value.split(';').map((part) => part.slice(part.indexOf('=') + 1).trim());
    for (const part of [afterScheme, ...cookies]) if (part !== undefined && part.length >= MIN_CREDENTIAL_PART) values.add(part);
  }
  return [...values];
}

/** Replaces (case-insensitively) the headers a re-sign produces, keeping the others in place. */
export function withSignatureHeaders(headers: readonly HeaderPair[], signature: Record<string, string>): HeaderPair[] {
  const replaced = new Set(Object.keys(signature).map((n) => n.toLowerCase()));
  return [...headers.filter(([name]) => !replaced.has(name.toLowerCase())), ...Object.entries(signature)];
}
