/** Requests as shown and stored: every secret value and signature replaced by its masked form. */
import type { HttpRequestView } from '../../src-shared/sessions/domain.js';
import { maskSecret } from '../secrets/cipher.js';
import type { BuiltRequest } from './types.js';

function replaceAll(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join(maskSecret(secret));
  return out;
}

/** Longest first, so a secret that contains another is masked whole. */
function secretValues(secrets: ReadonlyArray<string | null>): string[] {
  return secrets.filter((s): s is string => typeof s === 'string' && s.length > 0).sort((a, b) => b.length - a.length);
}

/** A provider may echo a credential back (in an error, a header): the stored answer never keeps it. */
export function maskAnswerText(text: string, secrets: ReadonlyArray<string | null>): string {
  return replaceAll(text, secretValues(secrets));
}

export function maskRequest(request: BuiltRequest, secrets: ReadonlyArray<string | null>): HttpRequestView {
  const values = secretValues(secrets);
  const signatures = new Set(request.signatureHeaders.map((h) => h.toLowerCase()));
  return {
    method: request.method,
    url: replaceAll(request.url, values),
    headers: Object.entries(request.headers).map(([name, value]) => [
      name,
      signatures.has(name.toLowerCase()) ? maskSecret(value) : replaceAll(value, values),
    ]),
    body: request.body === null ? null : replaceAll(request.body, values),
  };
}
