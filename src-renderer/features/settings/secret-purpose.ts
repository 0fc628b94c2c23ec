import type { ProviderId } from '../../../src-shared/domain/provider.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';

/** What each secret field of a provider is for, in a sentence shown under the field. */
export interface SecretPurposes {
  webhookSecrets: string;
  apiKey: string;
  hmacSecret: string;
}

export function secretPurposes(provider: ProviderId): SecretPurposes {
  const { displayName: name, signature, requestSigning } = providerCatalogue[provider];
  const selectedBy = provider === 'calypso' ? ' Calypso’s Key header names the subscription: give each secret its public key.' : '';
  const notifications =
    provider === 'instap'
      ? ' Instap signs its notifications with this secret too, so it is also tried on incoming webhooks, as “hmac secret (<environment>)”.'
      : ' It is not used on incoming webhooks.';
  return {
    webhookSecrets:
      `For incoming webhooks: each checks the ${signature.header} signature on what ${name} sends to this console. ` +
      `Add every one in use (production, sandbox, the old one while a rotation is under way): all are tried, and a match names its label.${selectedBy}`,
    apiKey: `For outgoing calls: sent with the sessions, status checks and lookups Gatewatch makes to ${name}’s API for this environment. It is not used on incoming webhooks.`,
    hmacSecret: requestSigning
      ? `For outgoing calls: signs the requests Gatewatch sends to ${name}’s API for this environment (${requestSigning}).${notifications}`
      : `${name} does not sign API requests with a secret: leave this empty unless its documents say otherwise.${notifications}`,
  };
}
