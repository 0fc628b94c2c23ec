/** Each signal as a person reads it in a notification: a title, a sentence, and where to look. */
import { isProviderId } from '../../src-shared/domain/provider.js';
import { providerCatalogue } from '../../src-shared/providers/catalogue.js';
import { ALERT_RULES } from '../../src-shared/alerts/rules.js';
import type { AlertSignal } from './signals.js';

export interface AlertText {
  title: string;
  body: string;
  route: string | null;
}

const providerName = (provider: string) => (isProviderId(provider) ? providerCatalogue[provider].displayName : provider);

const inbox = (params: Record<string, string>) => `#/inbox?${new URLSearchParams(params).toString()}`;

export function alertText(signal: AlertSignal): AlertText {
  switch (signal.kind) {
    case 'signature_failures': {
      const minutes = Math.round(ALERT_RULES.signature_failures.windowMs / 60_000);
      return {
        title: `Failed signatures from ${providerName(signal.provider)}`,
        body: `${signal.count} deliveries in the last ${minutes} minutes had an invalid signature: a secret may have changed, or someone is sending forged webhooks.`,
        route: inbox({ provider: signal.provider, verification: 'invalid', since: signal.since }),
      };
    }
    case 'listener_down':
      return { title: 'The webhook listener is down', body: signal.reason, route: '#/dashboard' };
    case 'relay_route_failing':
      return { title: `Relay route “${signal.routeName}” is failing`, body: signal.reason, route: '#/dashboard' };
    case 'provider_gave_up': {
      const tries = signal.tries === null ? '' : ` after ${signal.tries} tries`;
      return {
        title: `${providerName(signal.provider)} gave up retrying`,
        body: `${providerName(signal.provider)} stopped sending this webhook${tries} without an answer it accepts: it will not come again by itself.`,
        route: `#/deliveries/${encodeURIComponent(signal.deliveryId)}`,
      };
    }
  }
}

/** The key an alert is not repeated under within its kind's cooldown (signature bursts have their own window). */
export function dedupeKey(signal: AlertSignal): string | null {
  switch (signal.kind) {
    case 'relay_route_failing':
      return `${signal.kind}:${signal.routeId}`;
    case 'provider_gave_up':
      return `${signal.kind}:${signal.deliveryId}`;
    default:
      return null;
  }
}
