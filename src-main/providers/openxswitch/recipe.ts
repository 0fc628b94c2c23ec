/**
 * OpenXSwitch: `X-Webhook-Signature` is "the SHA256 signature of the request body, generated
 * using your webhook secret"; their code sample is cut. HMAC-SHA256 hex is assumed; base64 and
 * a plain SHA-256 (which uses no secret and proves nothing about the sender) are tried after.
 */
import type { WebhookDelivery, WebhookSecret } from '../types.js';
import type { VerificationResult } from '../../../src-shared/domain/verification.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { rawForms } from '../shared/candidates.js';
import { hmacDigest, plainDigest } from '../shared/digests.js';
import { verifySignature, type SignatureRecipe } from '../shared/verify.js';

const hmacHex = hmacDigest('sha256', 'hex');
const { header, algorithm, encoding, signedContent } = providerCatalogue.openxswitch.signature;

export const openxswitchAssumption =
  'OpenXSwitch does not say whether X-Webhook-Signature is an HMAC or a plain hash, nor its encoding: ' +
  'HMAC-SHA256 hex over the raw body is assumed; HMAC-SHA256 base64 and plain SHA-256 are tried as well';

export const openxswitchRecipe: SignatureRecipe = {
  scheme: { header, algorithm, encoding, signedContent },
  assumption: openxswitchAssumption,
  digests: [hmacHex, hmacDigest('sha256', 'base64'), plainDigest('sha256', 'hex')],
  usesSerializedForms: false,
  forms: (body) => rawForms(body),
};

export function verifyOpenxswitch(delivery: WebhookDelivery, secrets: readonly WebhookSecret[]): VerificationResult {
  return verifySignature(openxswitchRecipe, delivery, secrets);
}

export function signOpenxswitchWebhook(body: Uint8Array, secret: WebhookSecret): Record<string, string> {
  return { 'X-Webhook-Signature': hmacHex.compute(secret.value, Buffer.from(body)) };
}
