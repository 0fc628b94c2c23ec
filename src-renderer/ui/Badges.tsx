import type { VerificationStatus } from '../../src-shared/domain/verification.js';
import type { NormalizedStatus } from '../../src-shared/domain/normalized.js';

const VERIFICATION_LABEL: Record<VerificationStatus | 'pending', string> = {
  valid: 'Signature valid',
  invalid: 'Signature invalid',
  unsigned: 'Unsigned',
  'no-secret': 'No secret set',
  unsupported: 'Not checked',
  pending: 'Checking…',
};

export function VerificationBadge({ status }: { status: VerificationStatus | null }) {
  const key = status ?? 'pending';
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
