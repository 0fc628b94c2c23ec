/**
 * InstaXchange: `X-InstaXWH-KEY` = MD5 hex of (JSON of the body with top-level keys sorted) +
 * ":" + secret. The JSON is a re-serialization, so the sender's printer matters. The seed's
 * TypeScript sample builds the header itself, so JS-style is tried first; then PHP-style as in
 * the PHP sample (`json_encode(…, JSON_UNESCAPED_SLASHES)`), then PHP's default escaping, the
 * raw bytes, and recursive sorting only as a last fallback.
 */
import type { WebhookDelivery, WebhookSecret } from '../types.js';
import type { VerificationResult } from '../../../src-shared/domain/verification.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { rawForms, serializedForm, type CandidateForm } from '../shared/candidates.js';
import { md5WithSecretSuffix } from '../shared/digests.js';
import { decodeJsonBody } from '../shared/parse.js';
import type { LosslessJson } from '../shared/lossless-json.js';
import { verifySignature, type SignatureRecipe } from '../shared/verify.js';

const { header, algorithm, encoding, signedContent } = providerCatalogue.instaxchange.signature;

export function instaxchangeForms(body: Uint8Array, json: LosslessJson | undefined): CandidateForm[] {
  if (json === undefined) return rawForms(body);
  return [
    serializedForm(json, 'js', 'top-level'),
    serializedForm(json, 'php-unescaped-slashes', 'top-level'),
    serializedForm(json, 'php', 'top-level'),
    ...rawForms(body),
    serializedForm(json, 'js', 'recursive'),
    serializedForm(json, 'php-unescaped-slashes', 'recursive'),
    serializedForm(json, 'php', 'recursive'),
  ];
}

export const instaxchangeRecipe: SignatureRecipe = {
  scheme: { header, algorithm, encoding, signedContent },
  digests: [md5WithSecretSuffix],
  usesSerializedForms: true,
  forms: instaxchangeForms,
};

export function verifyInstaxchange(delivery: WebhookDelivery, secrets: readonly WebhookSecret[]): VerificationResult {
  return verifySignature(instaxchangeRecipe, delivery, secrets);
}

/** Signs the first form verification tries (JS-style, top-level sorted; raw bytes if not JSON). */
export function signInstaxchangeWebhook(body: Uint8Array, secret: WebhookSecret): Record<string, string> {
  const [form] = instaxchangeForms(body, decodeJsonBody(body).json);
  const bytes = form ? form.bytes : Buffer.from(body);
  return { 'X-InstaXWH-KEY': md5WithSecretSuffix.compute(secret.value, bytes) };
}
