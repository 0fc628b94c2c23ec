/**
 * The one verification engine: a pure function of (body bytes, headers, secrets, recipe).
 *
 * Order of work: header present? → any secret? → for each eligible secret, each digest variant
 * and each candidate form, a constant-time comparison. When nothing matches it tries, only to
 * explain the failure, the other configured secrets and whitespace-trimmed secrets. The
 * expected digest never leaves this module.
 */
import type { SecretAttemptOutcome, SignatureScheme, VerificationChecks, VerificationResult } from '../../../src-shared/domain/verification.js';
import type { RawHeaders, WebhookDelivery, WebhookSecret } from '../types.js';
import { distinctForms, type CandidateForm } from './candidates.js';
import type { DigestVariant } from './digests.js';
import { normalizeReceived } from './digests.js';
import { constantTimeEqualBytes } from './compare.js';
import { getHeaderValues } from './headers.js';
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
  /** Which of the header's values matched (0-based), when the header was repeated. */
  valueIndex: number;
}

/**
 * A result's first keys. Results are built key by key, in the order the keys always had: an
 * object spread of varying shapes (with or without an assumption) cost more than the HMAC.
 */
type ResultUnderway = Omit<VerificationResult, 'candidatesTried'> & Partial<Pick<VerificationResult, 'candidatesTried'>>;

function started(recipe: SignatureRecipe, status: VerificationResult['status']): ResultUnderway {
  return recipe.assumption ? { scheme: recipe.scheme, assumption: recipe.assumption, status } : { scheme: recipe.scheme, status };
}

function finished(result: ResultUnderway, candidatesTried: string[], diagnosis: string | undefined, checks: VerificationChecks): VerificationResult {
  result.candidatesTried = candidatesTried;
  result.diagnosis = diagnosis;
  result.checks = checks;
  return result as VerificationResult;
}

/** The keyed digests' shapes in words, worked out once per recipe (every verification reports them). */
const shapesByRecipe = new WeakMap<SignatureRecipe, string>();
function keyedShapes(recipe: SignatureRecipe): string {
  let shapes = shapesByRecipe.get(recipe);
  if (shapes === undefined) {
    shapes = say.digestShapes(recipe.digests.filter((d) => d.keyed));
    shapesByRecipe.set(recipe, shapes);
  }
  return shapes;
}

export function verifySignature(
  recipe: SignatureRecipe,
  delivery: WebhookDelivery,
  secrets: readonly WebhookSecret[],
  choose: (headers: RawHeaders, secrets: readonly WebhookSecret[]) => SecretChoice = everySecret,
): VerificationResult {
  const headerName = recipe.scheme.header;
  // A repeated header (a proxy adding its own, say): every non-empty value is tried.
  const values = getHeaderValues(delivery.headers, headerName);
  const received = values.filter((v) => v.trim() !== '');
  const attempts = new Map<string, SecretAttemptOutcome>();
  const checks = (): VerificationChecks => ({
    header: {
      name: headerName,
      values: values.length,
      present: received.length > 0,
      shaped: received.length === 0 ? null : received.some((r) => recipe.digests.some((d) => d.keyed && d.looksLike(r.trim()))),
      shape: keyedShapes(recipe),
    },
    secrets: [...attempts].map(([label, outcome]) => ({ label, outcome })),
  });
  if (received.length === 0) {
    const diagnosis = say.joinNotes(say.headerMissing(headerName, values.length > 0), recipe.missingHeaderNote?.(delivery.headers));
    return finished(started(recipe, 'unsigned'), [], diagnosis, checks());
  }
  const repeated = (m?: Match): string | undefined =>
    values.length > 1 ? say.headerRepeated(headerName, values.length, received.length, m?.valueIndex) : undefined;
  if (secrets.length === 0) return finished(started(recipe, 'no-secret'), [], say.noSecretConfigured(), checks());

  const decoded = decodeJsonBody(delivery.body);
  const forms = recipe.forms(delivery.body, decoded.json);
  const tried = new Set<string>();
  const candidateName = (m: Match): string => (recipe.digests.length > 1 ? `${m.form.name} (${m.digest.name})` : m.form.name);

  const findMatch = (secretValue: string, keyed: boolean): Match | undefined => {
    for (const digest of recipe.digests) {
      if (digest.keyed !== keyed) continue;
      const wanted = received.map((r) => Buffer.from(normalizeReceived(r, digest.encoding), 'utf8'));
      for (const form of distinctForms(forms)) {
        tried.add(candidateName({ form, digest, valueIndex: 0 }));
        const expected = Buffer.from(digest.compute(secretValue, form.bytes), 'utf8');
        // Every value is compared (no early exit between them), each in constant time.
        let valueIndex = -1;
        for (let i = 0; i < wanted.length; i++) {
          if (constantTimeEqualBytes(wanted[i]!, expected) && valueIndex < 0) valueIndex = values.indexOf(received[i]!);
        }
        if (valueIndex >= 0) return { form, digest, valueIndex };
      }
    }
    return undefined;
  };
  const result = (status: VerificationResult['status'], m: Match, extra: Pick<VerificationResult, 'secretLabel' | 'diagnosis'>): VerificationResult => {
    const out = started(recipe, status);
    out.matched = candidateName(m);
    out.candidatesTried = [...tried];
    if ('secretLabel' in extra) out.secretLabel = extra.secretLabel;
    out.diagnosis = extra.diagnosis;
    out.checks = checks();
    return out as VerificationResult;
  };

  const choice = choose(delivery.headers, secrets);
  const first = choice.eligible[0];
  // Every configured secret is listed, in the order it is tried; each attempt updates its line.
  for (const secret of [...choice.eligible, ...choice.others]) attempts.set(secret.label, 'not-tried');
  for (const secret of choice.eligible) {
    const m = findMatch(secret.value, true);
    attempts.set(secret.label, m ? 'matched' : 'no-match');
    if (!m) continue;
    const secretNote = secret !== first && first ? say.otherSecretMatches(secret.label, first.label) : undefined;
    return result('valid', m, { secretLabel: secret.label, diagnosis: say.joinNotes(m.form.note, choice.note, secretNote, repeated(m)) });
  }
  for (const secret of choice.others) {
    const m = findMatch(secret.value, true);
    attempts.set(secret.label, m ? 'matched-not-selected' : 'no-match');
    if (!m) continue;
    const diagnosis = say.joinNotes(say.otherSecretMatches(secret.label, choice.selectedLabel, choice.selectedBy), m.form.note, repeated(m));
    return result('invalid', m, { secretLabel: secret.label, diagnosis });
  }
  for (const secret of [...choice.eligible, ...choice.others]) {
    if (secret.value === secret.value.trim()) continue;
    const m = findMatch(secret.value.trim(), true);
    if (!m) continue;
    attempts.set(secret.label, 'matched-trimmed');
    return result('invalid', m, { secretLabel: secret.label, diagnosis: say.joinNotes(say.secretNeedsTrim(secret.label), m.form.note, repeated(m)) });
  }
  const plain = findMatch('', false);
  if (plain) return result('unsupported', plain, { diagnosis: say.joinNotes(say.unkeyedMatch(plain.digest), plain.form.note, repeated(plain)) });

  const diagnosis = say.joinNotes(
    choice.note,
    repeated(),
    ...new Set(received.map((r) => say.headerShapeMismatch(headerName, r, recipe.digests))),
    decoded.error !== null && recipe.usesSerializedForms ? say.bodyNotJson(decoded.error) : undefined,
    say.noSecretMatches(
      [...choice.eligible, ...choice.others].map((s) => s.label),
      [...distinctForms(forms)].length,
    ),
  );
  return finished(started(recipe, 'invalid'), [...tried], diagnosis, checks());
}
