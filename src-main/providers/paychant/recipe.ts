/**
 * Paychant: `paychant-signature` = hex HMAC-SHA512 of the JSON body. Their PHP sample signs the
 * raw body, their Node sample `JSON.stringify(req.body)`: raw bytes first, then JS-style JSON.
 * `x-paychant-signature` with SHA-256 (assumed by some integrations) contradicts the docs and is
 * not accepted.
 */
import type { RawHeaders, WebhookDelivery, WebhookSecret } from '../types.js';
import type { VerificationResult } from '../../../src-shared/domain/verification.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { rawForms, serializedForm } from '../shared/candidates.js';
import { hmacDigest } from '../shared/digests.js';
import { hasHeader } from '../shared/headers.js';
import { verifySignature, type SignatureRecipe } from '../shared/verify.js';
import { environmentMismatch } from '../shared/environment.js';
import { decodeJsonBody } from '../shared/parse.js';
import { textAt } from '../shared/json-path.js';

const sign = hmacDigest('sha512', 'hex');
const { header, algorithm, encoding, signedContent } = providerCatalogue.paychant.signature;

export const paychantRecipe: SignatureRecipe = {
  scheme: { header, algorithm, encoding, signedContent },
  digests: [sign],
  usesSerializedForms: true,
  forms: (body, json) => [...rawForms(body), ...(json === undefined ? [] : [serializedForm(json, 'js', 'none')])],
  missingHeaderNote: (headers: RawHeaders) =>
    hasHeader(headers, 'x-paychant-signature')
      ? 'only an x-paychant-signature header is present: Paychant documents paychant-signature (hex HMAC-SHA512), so x-paychant-signature / SHA-256 is not accepted'
      : undefined,
};

/** The signature check, then `data.env` held against the environment of the secret that matched. */
export function verifyPaychant(delivery: WebhookDelivery, secrets: readonly WebhookSecret[]): VerificationResult {
  const result = verifySignature(paychantRecipe, delivery, secrets);
  const mismatch = environmentMismatch(textAt(decodeJsonBody(delivery.body).json, 'data', 'env'), result.secretLabel);
  return mismatch ? { ...result, warnings: [...(result.warnings ?? []), mismatch] } : result;
}

export function signPaychantWebhook(body: Uint8Array, secret: WebhookSecret): Record<string, string> {
  return { 'paychant-signature': sign.compute(secret.value, Buffer.from(body)) };
}
