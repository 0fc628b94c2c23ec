/** Requests as shown and stored: every secret value and signature replaced by its masked form. */
import type { HttpRequestView } from '../../src-shared/sessions/domain.js';
import { maskSecret } from '../../src-shared/domain/mask.js';
import { createSecretMasker, type SecretMasker } from '../secrets/echo-masker.js';
import type { ProviderCredentials } from '../services/provider-config.js';
import type { BuiltRequest } from './types.js';

/** The provider's own credentials are what it could echo back: these are masked wherever they show. */
export function credentialsMasker(creds: Pick<ProviderCredentials, 'apiKey' | 'hmacSecret'>): SecretMasker {
  return createSecretMasker([creds.apiKey, creds.hmacSecret]);
}

export function maskRequest(request: BuiltRequest, masker: SecretMasker): HttpRequestView {
  const signatures = new Set(request.signatureHeaders.map((h) => h.toLowerCase()));
  return {
    method: request.method,
    url: masker.mask(request.url),
    headers: Object.entries(request.headers).map(([name, value]) => [name, signatures.has(name.toLowerCase()) ? maskSecret(value) : masker.mask(value)]),
    body: request.body === null ? null : masker.mask(request.body),
  };
}
