/**
 * Rules for moving a provider environment's base URL. The next request after a change sends the
 * stored API key there and signs with the stored secret, so: production only over https, and a
 * move to another origin needs the credentials entered again or kept explicitly.
 */
import type { ProviderEnvironment } from '../../src-shared/contract/providers.js';
import { ApiError } from '../../src-shared/contract/errors.js';

export type EnvironmentCredential = 'apiKey' | 'hmacSecret';

const CREDENTIAL_WORDS: Record<EnvironmentCredential, string> = { apiKey: 'API key', hmacSecret: 'HMAC / signing secret' };

export interface BaseUrlChange {
  environment: ProviderEnvironment;
  /** As audited: no userinfo, query or fragment. */
  from: string | null;
  to: string | null;
  /** The stored credentials were kept for another origin because the call said so. */
  credentialsKept: boolean;
}

/**
 * scheme://host:port as the URL parser sees it: `http://2130706433`, `http://0177.0.0.1` and
 * `http://127.0.0.1:80` are all http://127.0.0.1, whatever way they were written.
 */
export function originOf(url: string): string {
  return new URL(url).origin.toLowerCase();
}

/** A URL fit for the audit log: scheme, host, port and path only. */
export function auditedUrl(url: string | null): string | null {
  if (url === null) return null;
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

export interface BaseUrlMove {
  provider: string;
  environment: ProviderEnvironment;
  from: string | null;
  to: string | null;
  /** Credentials stored for this environment before the call. */
  stored: readonly EnvironmentCredential[];
  /** Credentials this same call sets or removes. */
  replaced: readonly EnvironmentCredential[];
  keepCredentials: boolean;
}

/** Refuses, in words, a move that would send stored credentials somewhere they were not entered for. */
export function checkBaseUrlMove(move: BaseUrlMove): BaseUrlChange {
  if (move.to !== null && move.environment === 'production' && new URL(move.to).protocol !== 'https:') {
    throw refusal(
      `The production base URL must use https: over ${new URL(move.to).protocol.replace(':', '')} the API key and signed requests would travel unencrypted.`,
      'production needs https',
    );
  }
  const moved = move.to !== null && (move.from === null || originOf(move.from) !== originOf(move.to));
  const carried = move.stored.filter((credential) => !move.replaced.includes(credential));
  if (moved && carried.length > 0 && !move.keepCredentials) {
    const names = carried.map((c) => CREDENTIAL_WORDS[c]).join(' and ');
    const to = new URL(move.to!).host;
    const change = move.from === null ? `is set to ${to}` : `moves from ${new URL(move.from).host} to ${to}`;
    throw refusal(
      `The ${move.environment} base URL of ${move.provider} ${change}: the stored ${names} would be sent there. ` +
        'Enter the credentials for the new host, or tick "Keep the stored API key and secrets for the new host" if it is the same service.',
      `new host ${to}: enter the credentials again or keep them explicitly`,
    );
  }
  return {
    environment: move.environment,
    from: auditedUrl(move.from),
    to: auditedUrl(move.to),
    credentialsKept: moved && carried.length > 0,
  };
}

function refusal(message: string, issue: string): ApiError {
  return new ApiError('bad_request', message, [{ path: 'baseUrl', message: issue }]);
}
