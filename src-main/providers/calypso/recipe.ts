/**
 * Calypso signs the exact body string: `Sign` = hex HMAC-SHA512 with the subscription's secret
 * key, `Key` = the subscription's public key (which says which secret to use). The same
 * function signs outgoing API requests.
 */
import type { RawHeaders, WebhookDelivery, WebhookSecret } from '../types.js';
import type { VerificationResult } from '../../../src-shared/domain/verification.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { rawForms, serializedForm } from '../shared/candidates.js';
import { hmacDigest } from '../shared/digests.js';
import { getHeader } from '../shared/headers.js';
import { verifySignature, type SecretChoice, type SignatureRecipe } from '../shared/verify.js';

const sign = hmacDigest('sha512', 'hex');
const { header, algorithm, encoding, signedContent } = providerCatalogue.calypso.signature;

export const calypsoRecipe: SignatureRecipe = {
  scheme: { header, algorithm, encoding, signedContent },
  digests: [sign],
  usesSerializedForms: true,
  forms: (body, json) => [...rawForms(body), ...(json === undefined ? [] : [serializedForm(json, 'js', 'none')])],
};

/** The secret named by the `Key` header; the others are tried only to explain a mismatch. */
export function chooseByKeyHeader(headers: RawHeaders, secrets: readonly WebhookSecret[]): SecretChoice {
  const key = getHeader(headers, 'Key')?.trim();
  if (!key) return { eligible: secrets, others: [] };
  const selected = secrets.filter((s) => s.key !== undefined && s.key.trim() === key);
  if (selected.length === 0) {
    const anyKeyed = secrets.some((s) => s.key !== undefined && s.key.trim() !== '');
    return {
      eligible: secrets,
      others: [],
      ...(anyKeyed ? { note: "the Key header matches no configured secret's key, so every secret was tried" } : {}),
    };
  }
  return {
    eligible: selected,
    others: secrets.filter((s) => !selected.includes(s)),
    selectedLabel: selected[0]?.label,
    selectedBy: 'Key header',
  };
}

export function verifyCalypso(delivery: WebhookDelivery, secrets: readonly WebhookSecret[]): VerificationResult {
  return verifySignature(calypsoRecipe, delivery, secrets, chooseByKeyHeader);
}

/** `Sign` for an exact body string (webhook re-sign and outgoing API requests). */
export function signCalypsoBody(body: string | Uint8Array, secretKey: string): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  return sign.compute(secretKey, bytes);
}

/** Headers for an outgoing Calypso API request; send exactly `body` as the request body. */
export function calypsoRequestHeaders(body: string, keys: { publicKey: string; secretKey: string }): Record<string, string> {
  return { 'Content-Type': 'application/json', Key: keys.publicKey, Sign: signCalypsoBody(body, keys.secretKey) };
}

export function signCalypsoWebhook(body: Uint8Array, secret: WebhookSecret): Record<string, string> {
  return { Sign: signCalypsoBody(body, secret.value), ...(secret.key ? { Key: secret.key } : {}) };
}
