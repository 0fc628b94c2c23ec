/**
 * The one list of request headers that carry a sender's credential (a login, a session, an API
 * key). The delivery view shows them masked, replays drop them unless a target keeps them, and
 * replay attempts store them masked. Pure data and functions: main and renderer both read it.
 */
import { providerCatalogue } from '../providers/catalogue.js';
import { MASK, maskSecret } from './mask.js';

/** Exact names (compared lower-case). */
export const CREDENTIAL_HEADER_NAMES: readonly string[] = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'apikey'];

/** Parts of a name that mark a credential too (x-client-secret, x-auth-token, x-user-password). */
export const CREDENTIAL_NAME_PARTS: readonly string[] = ['secret', 'token', 'password', 'api-key', 'api_key', 'apikey'];

/**
 * Never credentials: how each provider signs a webhook, which staging needs to verify a replay.
 * `Key` is the Calypso subscription's public key, naming the secret that signed.
 */
export const SIGNATURE_HEADER_NAMES: readonly string[] = [
  ...Object.values(providerCatalogue).map((provider) => provider.signature.header.toLowerCase()),
  'key',
];

export function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (SIGNATURE_HEADER_NAMES.includes(lower)) return false;
  return CREDENTIAL_HEADER_NAMES.includes(lower) || CREDENTIAL_NAME_PARTS.some((part) => lower.includes(part));
}

/** An auth scheme word before the credential (`Bearer`, `Basic`, `Token`): kept, it says what kind it was. */
const SCHEME = /^([A-Za-z][A-Za-z0-9-]{0,30})\s+(\S.*)$/s;

/** `Bearer ••••abcd`: the scheme word kept, the credential cut to its last four characters. */
export function maskCredentialValue(value: string): string {
  const scheme = SCHEME.exec(value);
  return scheme ? `${scheme[1]} ${maskSecret(scheme[2]!)}` : maskSecret(value);
}

/** Whether a header value is shown masked (`••••abcd`, or `Bearer ••••abcd`), as maskCredentialValue writes it. */
export function isMaskedCredentialValue(value: string): boolean {
  return value.startsWith(MASK) || (SCHEME.exec(value)?.[2]?.startsWith(MASK) ?? false);
}

/** Headers with every credential value masked, in their order. */
export function maskCredentialHeaders<Pair extends readonly [string, string]>(headers: readonly Pair[]): Array<[string, string]> {
  return headers.map(([name, value]) => [name, isCredentialHeader(name) ? maskCredentialValue(value) : value]);
}
