import type { VerificationResult } from '../../../src-shared/domain/verification.js';
import { signedWithSandboxSecret } from '../../../src-shared/domain/secret-environment.js';

/** The outcome of a signature check as one sentence a support person can act on. */
export function verificationHeadline(result: VerificationResult): string {
  const header = result.scheme ? `the ${result.scheme.header} header` : 'the signature header';
  switch (result.status) {
    case 'valid':
      return signedWithSandboxSecret(result)
        ? `The signature matches the “${result.secretLabel}” secret: a sandbox event, signed by someone who holds the sandbox secret.`
        : `The signature matches${result.secretLabel ? ` the “${result.secretLabel}” secret` : ''}: this delivery was signed by someone who holds it.`;
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

/** The engine's own diagnosis, unless the headline and next steps already say all of it. */
export function diagnosisToShow(result: VerificationResult): string | null {
  if (!result.diagnosis || result.status === 'no-secret') return null;
  return result.diagnosis;
}
