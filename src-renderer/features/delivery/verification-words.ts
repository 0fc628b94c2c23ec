import type { VerificationResult } from '../../../src-shared/domain/verification.js';

/** The outcome of a signature check as one sentence a support person can act on. */
export function verificationHeadline(result: VerificationResult): string {
  const header = result.scheme ? `the ${result.scheme.header} header` : 'the signature header';
  switch (result.status) {
    case 'valid':
      return `The signature matches${result.secretLabel ? ` the “${result.secretLabel}” secret` : ''}: this delivery was signed by someone who holds it.`;
    case 'invalid':
      return `The signature in ${header} does not match: treat this delivery as unverified until the cause below is fixed.`;
    case 'unsigned':
      return `The request carried no signature (${header} is missing or empty): anyone could have sent it.`;
    case 'no-secret':
      return 'No webhook secret is configured for this provider, so the signature could not be checked.';
    case 'unsupported':
      return 'The signature was not checked.';
  }
}

/** Next steps for a failed or impossible check; empty when there is nothing to do. */
export function verificationSteps(result: VerificationResult): string[] {
  switch (result.status) {
    case 'invalid':
      return [
        'Compare the webhook secret under Settings with the one in the provider’s dashboard (sandbox and production secrets differ).',
        'If the secret was changed recently, deliveries signed with the old one fail: add it as a second secret while traffic moves over.',
        'After fixing the secret, use “Verify again”.',
      ];
    case 'no-secret':
      return ['Add the provider’s webhook secret under Settings, then use “Verify again”.'];
    case 'unsigned':
      return ['Check the provider is set to sign webhooks for this endpoint; a proxy that strips headers also causes this.'];
    default:
      return [];
  }
}

/** The engine's own diagnosis, unless the headline and next steps already say all of it. */
export function diagnosisToShow(result: VerificationResult): string | null {
  if (!result.diagnosis || result.status === 'no-secret') return null;
  return result.diagnosis;
}
