/**
 * Paychant has no server-side session API: "creating a session" builds the widget link
 * (`/buy` or `/sell`, path template in Settings) and records it. `env` is always set.
 */
import { paychantWidgetPayload } from '../../../src-shared/sessions/others.js';
import { fillTemplate } from '../../../src-shared/sessions/settings.js';
import { joinUrl } from '../body.js';
import type { SessionClient } from '../types.js';
import { validateWith } from './validate.js';

export const paychantClient: SessionClient = {
  provider: 'paychant',
  kind: 'widget_link',
  validate: (payload) => validateWith(paychantWidgetPayload, payload),
  missing(creds) {
    const missing: string[] = [];
    if (!creds.baseUrl) missing.push(`a base URL for the ${creds.environment} environment`);
    if (!creds.apiKey) missing.push(`a partner API key for ${creds.environment} (Paychant's publishable widget key)`);
    return missing;
  },
  build(payload, ctx) {
    const query = new URLSearchParams({ env: ctx.creds.environment === 'production' ? 'production' : 'sandbox', partnerApiKey: ctx.creds.apiKey ?? '' });
    for (const key of ['listedAsset', 'fiatAmount', 'assetAmount', 'partnerLogoUrl', 'partnerThemeColor']) {
      const value = payload[key];
      if (typeof value === 'string') query.set(key, key === 'partnerThemeColor' ? value.replace(/^#/, '') : value);
    }
    const path = fillTemplate(ctx.settings.paychant.pathTemplate, { action: String(payload.action) });
    return { link: `${joinUrl(ctx.creds.baseUrl, path)}?${query}` };
  },
  // The service records the link itself; Paychant assigns its own ids (pid) only once the widget is used.
  interpretCreate: () => ({ providerSessionId: null, links: [], providerState: null, status: 'created', correlationKeys: [] }),
  explain: () => null,
  assumptions: (settings) => [`Widget path: ${settings.paychant.pathTemplate} on the base URL (configurable)`],
};
