/** What the renderer shows about each provider: names and how it signs. Pure data. */
import type { ProviderId } from '../domain/provider.js';
import type { SignatureScheme } from '../domain/verification.js';

export interface SignatureInfo extends SignatureScheme {
  /** Whether the provider's documents confirm this recipe. */
  confirmed: boolean;
  /** What is tried beyond the main recipe, or assumed. */
  fallbacks: string;
}

export interface ProviderInfo {
  id: ProviderId;
  displayName: string;
  signature: SignatureInfo;
  /** Outgoing API request signing, when the provider has it. */
  requestSigning?: string;
}

export const providerCatalogue: Record<ProviderId, ProviderInfo> = {
  instaxchange: {
    id: 'instaxchange',
    displayName: 'InstaXchange',
    signature: {
      header: 'X-InstaXWH-KEY',
      algorithm: 'MD5',
      encoding: 'hex',
      signedContent: 'JSON of the body with top-level keys sorted, + ":" + secret',
      confirmed: true,
      fallbacks: 'JS-style JSON first, then PHP-style (unescaped slashes, then escaped), then the raw bytes, then keys sorted recursively',
    },
  },
  instap: {
    id: 'instap',
    displayName: 'Instap',
    signature: {
      header: 'x-payload-hash',
      algorithm: 'HMAC-SHA512',
      encoding: 'base64',
      signedContent: 'the deposit event object (body) with the customer HMAC secret',
      confirmed: false,
      fallbacks: 'SHA-512 and base64 assumed by symmetry with requests; hex is tried too',
    },
    requestSigning: 'x-payload-hash = base64 HMAC-SHA512 of the exact body string sent, with x-api-key',
  },
  openxswitch: {
    id: 'openxswitch',
    displayName: 'OpenXSwitch',
    signature: {
      header: 'X-Webhook-Signature',
      algorithm: 'HMAC-SHA256',
      encoding: 'hex',
      signedContent: 'raw request body with the webhook secret',
      confirmed: false,
      fallbacks: 'HMAC-SHA256 hex, then base64, then a plain SHA-256 of the body (which proves nothing about the sender)',
    },
  },
  calypso: {
    id: 'calypso',
    displayName: 'Calypso',
    signature: {
      header: 'Sign',
      algorithm: 'HMAC-SHA512',
      encoding: 'hex',
      signedContent: "exact body string, with the subscription's secret key (chosen by the Key header)",
      confirmed: true,
      fallbacks: 'the raw bytes, then without trailing newline/BOM, then JS-style JSON',
    },
    requestSigning: 'Key = public key, Sign = hex HMAC-SHA512 of the exact body string',
  },
  paychant: {
    id: 'paychant',
    displayName: 'Paychant',
    signature: {
      header: 'paychant-signature',
      algorithm: 'HMAC-SHA512',
      encoding: 'hex',
      signedContent: 'the JSON body (raw bytes, or JSON.stringify of the parsed body)',
      confirmed: true,
      fallbacks: 'raw bytes first, then JS-style JSON; x-paychant-signature / SHA-256 is not accepted',
    },
  },
};
