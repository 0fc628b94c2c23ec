import type { SecretAttemptOutcome, VerificationResult } from '../../../src-shared/domain/verification.js';
import { signedWithSandboxSecret } from '../../../src-shared/domain/secret-environment.js';

export type CheckState = 'pass' | 'fail' | 'skip' | 'unknown';

/** One line of the signature checklist; `items` for a line made of several (the forms tried). */
export interface CheckLine {
  key: string;
  state: CheckState;
  label: string;
  detail?: string;
  items?: CheckLine[];
}

const NOT_RECORDED = 'not recorded for this check: use “Verify again” to see it';

const SECRET_LINE: Record<SecretAttemptOutcome, { state: CheckState; detail: string }> = {
  matched: { state: 'pass', detail: 'produces the signature' },
  'no-match': { state: 'fail', detail: 'does not produce it' },
  'not-tried': { state: 'skip', detail: 'not tried: an earlier secret matched' },
  'matched-trimmed': { state: 'fail', detail: 'produces it only with the whitespace around it trimmed' },
  'matched-not-selected': { state: 'fail', detail: 'produces it, but the Key header selects another secret' },
};

function headerLines(result: VerificationResult): CheckLine[] {
  const checks = result.checks;
  const name = checks?.header.name ?? result.scheme?.header;
  if (!name) return [];
  if (!checks) {
    const present = result.status !== 'unsigned';
    return [
      { key: 'header', state: present ? 'pass' : 'fail', label: `Header ${name} present` },
      {
        key: 'shape',
        state: result.status === 'valid' ? 'pass' : present ? 'unknown' : 'skip',
        label: 'Shaped like the digest',
        ...(result.status === 'valid' || !present ? {} : { detail: NOT_RECORDED }),
      },
    ];
  }
  const { header } = checks;
  const repeated = header.values > 1 ? `sent ${header.values} times` : undefined;
  const empty = header.values > 0 && !header.present ? 'present but empty' : undefined;
  return [
    { key: 'header', state: header.present ? 'pass' : 'fail', label: `Header ${name} present`, ...(repeated || empty ? { detail: repeated ?? empty } : {}) },
    {
      key: 'shape',
      state: header.shaped === null ? 'skip' : header.shaped ? 'pass' : 'fail',
      label: `Shaped like the digest: ${header.shape}`,
      ...(header.shaped === false ? { detail: 'it is not: the header holds something else' } : header.shaped === null ? { detail: 'no value to look at' } : {}),
    },
  ];
}

function secretLines(result: VerificationResult): CheckLine[] {
  if (result.status === 'no-secret')
    return [{ key: 'secret', state: 'fail', label: 'A webhook secret is set', detail: 'none is configured for this provider' }];
  const tried = result.checks?.secrets;
  if (tried) {
    return tried.map(({ label, outcome }) => ({
      key: `secret:${label}`,
      state: SECRET_LINE[outcome].state,
      label: `Secret “${label}”`,
      detail: SECRET_LINE[outcome].detail,
    }));
  }
  if (result.status === 'unsigned' || !result.scheme) return [];
  if (result.status === 'valid' && result.secretLabel)
    return [{ key: `secret:${result.secretLabel}`, state: 'pass', label: `Secret “${result.secretLabel}”`, detail: 'produces the signature' }];
  return [{ key: 'secrets', state: 'unknown', label: 'Each secret tried', detail: NOT_RECORDED }];
}

function formLines(result: VerificationResult): CheckLine[] {
  const forms = result.candidatesTried;
  if (forms.length === 0) return [];
  const matched = result.matched !== undefined && forms.includes(result.matched);
  return [
    {
      key: 'forms',
      state: matched && result.status === 'valid' ? 'pass' : 'fail',
      label: `${forms.length} ${forms.length === 1 ? 'form' : 'forms'} of the body tried`,
      items: forms.map((form) => ({ key: `form:${form}`, state: form === result.matched ? 'pass' : 'fail', label: form })),
    },
  ];
}

/** The check as a checklist: header present, shaped like the digest, each secret tried, each form tried. */
export function signatureChecklist(result: VerificationResult): CheckLine[] {
  return [...headerLines(result), ...secretLines(result), ...formLines(result)];
}

const outcome = (result: VerificationResult, wanted: SecretAttemptOutcome) => result.checks?.secrets.find((s) => s.outcome === wanted);

/** What to do, for this case only; empty when nothing needs doing. */
export function nextSteps(result: VerificationResult, providerName: string): string[] {
  switch (result.status) {
    case 'valid':
      return signedWithSandboxSecret(result)
        ? [`This is a test event: it was signed with the “${result.secretLabel}” secret. Do not treat it as money moving in production.`]
        : [];
    case 'no-secret':
      return [`Add ${providerName}’s webhook secret under Settings → Providers: stored deliveries are then verified again.`];
    case 'unsigned':
      return [
        `Check that ${providerName} signs webhooks for this endpoint (some dashboards turn signing on per endpoint).`,
        'A proxy or tunnel that drops headers causes this too: compare with the request the provider says it sent.',
      ];
    case 'unsupported':
      return result.matched
        ? ['This header is a plain hash anyone can compute: set up a webhook secret with the provider if it offers one.']
        : ['Use “Verify again” once the cause above is fixed.'];
    case 'invalid': {
      const steps: string[] = [];
      const trimmed = outcome(result, 'matched-trimmed');
      const otherKey = outcome(result, 'matched-not-selected');
      if (result.checks?.header.shaped === false) {
        steps.push(
          `The header does not hold a ${result.checks.header.shape} value: check that ${providerName} signs this endpoint with this recipe and that nothing on the way rewrites the header.`,
        );
      } else if (trimmed) {
        steps.push(`Enter the “${trimmed.label}” secret again under Settings without the spaces or line break around it.`);
      } else if (otherKey) {
        steps.push(
          `The Key header selects another secret than “${otherKey.label}”, which signed it: check which public key belongs to which secret under Settings.`,
        );
      } else {
        steps.push(
          'Compare the webhook secret under Settings with the one in the provider’s dashboard (sandbox and production secrets differ).',
          'If the secret was changed recently, deliveries signed with the old one fail: add it as a second secret while traffic moves over.',
          'If the secrets are right, the body was changed after it was signed (a proxy re-encoding the JSON): compare the raw body with what the provider sent.',
        );
      }
      steps.push('After fixing it, use “Verify again”.');
      return steps;
    }
  }
}
