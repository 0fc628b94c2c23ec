import type { ProviderId } from '../domain/provider.js';

/**
 * Documented production base URLs (../shared/providers.md). Sandbox URLs are not published for
 * most providers: they, and a local fake, are set by the user per environment.
 */
export const defaultBaseUrls: Record<ProviderId, { production: string; sandbox: string | null }> = {
  instaxchange: { production: 'https://instaxchange.com', sandbox: null },
  instap: { production: 'https://api-prod.alfa-instap-cpt.uk', sandbox: null },
  openxswitch: { production: 'https://api.openxswitch.com', sandbox: null },
  calypso: { production: 'https://api.calypso.finance', sandbox: null },
  paychant: { production: 'https://widget.paychant.com', sandbox: 'https://widget.paychant.com/sand' },
};
