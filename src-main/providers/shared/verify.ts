/**
 * The one verification engine: a pure function of (body bytes, headers, secrets, recipe).
 *
 * Order of work: header present? → any secret? → for each eligible secret, each digest variant
 * and each candidate form, a constant-time comparison. When nothing matches it tries, only to
 * explain the failure, the other configured secrets and whitespace-trimmed secrets. The
 * expected digest never leaves this module.
 */
import type { SignatureScheme, VerificationResult } from '../../../src-shared/domain/verification.js';
import type { RawHeaders, WebhookDelivery, WebhookSecret } from '../types.js';
import { distinctForms, type CandidateForm } from './candidates.js';
import type { DigestVariant } from './digests.js';
import { normalizeReceived } from './digests.js';
import { constantTimeEqual } from './compare.js';
import { getHeader } from './headers.js';
import { decodeJsonBody } from './parse.js';
import type { LosslessJson } from './lossless-json.js';
import * as say from './diagnosis.js';

export interface SignatureRecipe {
  scheme: SignatureScheme;
  /** Set when the provider has not confirmed the recipe. */
  assumption?: string;
  /** Digest variants in the order they are tried; unkeyed (plain hash) ones are tried last. */
  digests: readonly DigestVariant[];
  /** Candidate forms in the order they are tried (duplicates are skipped); `json` is undefined when the body is not JSON. */
  forms(body: Uint8Array, json: LosslessJson | undefined): CandidateForm[];
  /** Whether the recipe tries re-serialized forms (a non-JSON body then limits what is tried). */
  usesSerializedForms: boolean;
  /** Extra words when the signature header is missing (e.g. a look-alike header is present). */
  missingHeaderNote?(headers: RawHeaders): string | undefined;
}

/** Which secrets may have signed a delivery (Calypso: the one named by the `Key` header). */
export interface SecretChoice {
  eligible: readonly WebhookSecret[];
  /** Other configured secrets: tried only to explain a mismatch. */
  others: readonly WebhookSecret[];
  selectedLabel?: string;
  /** How the secret was selected, in words ("Key header"). */
  selectedBy?: string;
  note?: string;
}

export const everySecret = (_headers: RawHeaders, secrets: readonly WebhookSecret[]): SecretChoice => ({
  eligible: secrets,
  others: [],
});

interface Match {
  form: CandidateForm;
  digest: DigestVariant;
}

export function verifySignature(
  recipe: SignatureRecipe,
  delivery: WebhookDelivery,
  secrets: readonly WebhookSecret[],
  choose: (headers: RawHeaders, secrets: readonly WebhookSecret[]) => SecretChoice = everySecret,
): VerificationResult {
  const base = { scheme: recipe.scheme, ...(recipe.assumption ? { assumption: recipe.assumption } : {}) };
  const headerName = recipe.scheme.header;
  const received = getHeader(delivery.headers, headerName);
  if (received === undefined || received.trim() === '') {
    const diagnosis = say.joinNotes(say.headerMissing(headerName, received !== undefined), recipe.missingHeaderNote?.(delivery.headers));
    return { ...base, status: 'unsigned', candidatesTried: [], diagnosis };
  }
  if (secrets.length === 0) return { ...base, status: 'no-secret', candidatesTried: [], diagnosis: say.noSecretConfigured() };

  const decoded = decodeJsonBody(delivery.body);
  const forms = recipe.forms(delivery.body, decoded.json);
  const tried = new Set<string>();
  const candidateName = (m: Match): string =>
    recipe.digests.length > 1 ? `${m.form.name} (${m.digest.name})` : m.form.name;

  const findMatch = (secretValue: string, keyed: boolean): Match | undefined => {
    for (const digest of recipe.digests) {
      if (digest.keyed !== keyed) continue;
      const value = normalizeReceived(received, digest.encoding);
      for (const form of distinctForms(forms)) {
        const candidate = { form, digest };
        tried.add(candidateName(candidate));
        if (constantTimeEqual(value, digest.compute(secretValue, form.bytes))) return candidate;
      }
    }
    return undefined;
  };
  const result = (status: VerificationResult['status'], m: Match, extra: Partial<VerificationResult>): VerificationResult => ({
    ...base,
    status,
    matched: candidateName(m),
    candidatesTried: [...tried],
    ...extra,
  });

  const choice = choose(delivery.headers, secrets);
  const first = choice.eligible[0];
  for (const secret of choice.eligible) {
    const m = findMatch(secret.value, true);
    if (!m) continue;
    const secretNote = secret !== first && first ? say.otherSecretMatches(secret.label, first.label) : undefined;
    return result('valid', m, { secretLabel: secret.label, diagnosis: say.joinNotes(m.form.note, choice.note, secretNote) });
  }
  for (const secret of choice.others) {
    const m = findMatch(secret.value, true);
    if (!m) continue;
    const diagnosis = say.joinNotes(say.otherSecretMatches(secret.label, choice.selectedLabel, choice.selectedBy), m.form.note);
    return result('invalid', m, { secretLabel: secret.label, diagnosis });
  }
  for (const secret of [...choice.eligible, ...choice.others]) {
    if (secret.value === secret.value.trim()) continue;
    const m = findMatch(secret.value.trim(), true);
    if (m) return result('invalid', m, { secretLabel: secret.label, diagnosis: say.joinNotes(say.secretNeedsTrim(secret.label), m.form.note) });
  }
  const plain = findMatch('', false);
  if (plain) return result('unsupported', plain, { diagnosis: say.joinNotes(say.unkeyedMatch(plain.digest), plain.form.note) });

  const diagnosis = say.joinNotes(
    choice.note,
    say.headerShapeMismatch(headerName, received, recipe.digests),
    decoded.error !== null && recipe.usesSerializedForms ? say.bodyNotJson(decoded.error) : undefined,
    say.noSecretMatches([...choice.eligible, ...choice.others].map((s) => s.label), [...distinctForms(forms)].length),
  );
  return { ...base, status: 'invalid', candidatesTried: [...tried], diagnosis };
}
