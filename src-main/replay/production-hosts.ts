/**
 * "Looks like a provider's production API": the target's host is, or is under, the domain of a
 * provider's documented production base URL. A replay there would reach a real provider, so
 * every send needs confirming.
 */
import { defaultBaseUrls } from '../../src-shared/providers/endpoints.js';
import { providerCatalogue } from '../../src-shared/providers/catalogue.js';
import type { ProviderId } from '../../src-shared/domain/provider.js';

/** Newer Calypso docs move the API to calypso.money (shared/providers.md). */
const EXTRA_DOMAINS: Array<[string, ProviderId]> = [['calypso.money', 'calypso']];

/** The last two labels: every documented production host is a subdomain of such a domain. */
const domainOf = (host: string) => host.split('.').slice(-2).join('.');

const PRODUCTION_DOMAINS: Array<[string, ProviderId]> = [
  ...(Object.entries(defaultBaseUrls) as Array<[ProviderId, { production: string }]>).map(
    ([provider, urls]) => [domainOf(new URL(urls.production).hostname), provider] as [string, ProviderId],
  ),
  ...EXTRA_DOMAINS,
];

/** A sentence naming the provider when the URL's host looks like its production API, else null. */
export function productionLikeReason(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  for (const [domain, provider] of PRODUCTION_DOMAINS) {
    if (host === domain || host.endsWith(`.${domain}`)) {
      return `${host} looks like ${providerCatalogue[provider].displayName}'s production API (${domain})`;
    }
  }
  return null;
}
