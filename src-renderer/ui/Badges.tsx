import './badges.css';
import type { VerificationStatus } from '../../src-shared/domain/verification.js';
import type { NormalizedStatus } from '../../src-shared/domain/normalized.js';
import { signedWithSandboxSecret } from '../../src-shared/domain/secret-environment.js';

const VERIFICATION_LABEL: Record<VerificationStatus | 'pending', string> = {
  valid: 'Signature valid',
  invalid: 'Signature invalid',
  unsigned: 'Unsigned',
  'no-secret': 'No secret set',
  unsupported: 'Not checked',
  pending: 'Checking…',
};

/**
 * The signature outcome. Valid with a sandbox secret is amber: the signature is genuine, but it
 * is a test event, not money moving in production.
 */
export function VerificationBadge({ status, secretLabel }: { status: VerificationStatus | null; secretLabel?: string | null }) {
  const key = status ?? 'pending';
  if (signedWithSandboxSecret({ status, secretLabel })) {
    return (
      <span className="badge verification-sandbox" data-verification="valid-sandbox" title={`Signed with the “${secretLabel}” secret: a test event`}>
        Valid (sandbox secret)
      </span>
    );
  }
  return (
    <span className={`badge verification-${key}`} data-verification={key}>
      {VERIFICATION_LABEL[key]}
    </span>
  );
}

export function StatusBadge({ status }: { status: NormalizedStatus | null }) {
  if (!status) return <span className="muted">—</span>;
  return <span className={`badge status-${status}`}>{status.replace('_', ' ')}</span>;
}

export function ProviderTag({ provider }: { provider: string }) {
  return <span className={`provider provider-${provider}`}>{provider}</span>;
}
