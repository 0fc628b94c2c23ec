/**
 * Instap. Outgoing requests: `x-payload-hash` = base64 HMAC-SHA512 of the exact body string
 * (confirmed). Deposit notifications are signed with the customer's HMAC secret in the same
 * header, but the algorithm and encoding are not stated: SHA-512 base64 is assumed by symmetry,
 * hex is tried too, and the result says which matched.
 */
import type { WebhookDelivery, WebhookSecret } from '../types.js';
import type { VerificationResult } from '../../../src-shared/domain/verification.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { rawForms, serializedForm } from '../shared/candidates.js';
import { hmacDigest } from '../shared/digests.js';
import { verifySignature, type SignatureRecipe } from '../shared/verify.js';

const base64 = hmacDigest('sha512', 'base64');
const hex = hmacDigest('sha512', 'hex');
const { header, algorithm, encoding, signedContent } = providerCatalogue.instap.signature;

export const instapAssumption =
  'Instap confirms that notifications are signed with your HMAC secret in x-payload-hash, but not how: ' +
  'HMAC-SHA512 in base64 (as for API requests) is assumed, hex is tried as well';

export const instapRecipe: SignatureRecipe = {
  scheme: { header, algorithm, encoding, signedContent },
  assumption: instapAssumption,
  digests: [base64, hex],
  usesSerializedForms: true,
  forms: (body, json) => [...rawForms(body), ...(json === undefined ? [] : [serializedForm(json, 'js', 'none')])],
};

export function verifyInstap(delivery: WebhookDelivery, secrets: readonly WebhookSecret[]): VerificationResult {
  return verifySignature(instapRecipe, delivery, secrets);
}

/** `x-payload-hash` for an exact body string; send that same string, or Instap answers errorHmacDoesNotMatch. */
export function instapPayloadHash(body: string | Uint8Array, hmacSecret: string): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  return base64.compute(hmacSecret, bytes);
}

/** Headers for an outgoing `pgpub` request (session creation, mock deposit). */
export function instapRequestHeaders(body: string, keys: { apiKey: string; hmacSecret: string }): Record<string, string> {
  return { 'content-type': 'application/json', 'x-api-key': keys.apiKey, 'x-payload-hash': instapPayloadHash(body, keys.hmacSecret) };
}

export function signInstapWebhook(body: Uint8Array, secret: WebhookSecret): Record<string, string> {
  return { 'x-payload-hash': instapPayloadHash(body, secret.value) };
}
