import type { CallInput } from '../../../src-shared/contract/index.js';
import type { ListenerStatus } from '../../../src-shared/contract/listener.js';

const MiB = 1024 * 1024;

/** The limits form as typed: text, so a half-typed number is not lost. */
export interface LimitsDraft {
  rateOn: boolean;
  perSecond: string;
  burst: string;
  /** Empty for no quota. */
  quotaMiB: string;
}

export function limitsDraft(status: Pick<ListenerStatus, 'rateLimit' | 'storage'>): LimitsDraft {
  const quota = status.storage?.quotaBytes ?? null;
  return {
    rateOn: status.rateLimit !== null,
    perSecond: String(status.rateLimit?.perSecond ?? 50),
    burst: String(status.rateLimit?.burst ?? 200),
    quotaMiB: quota === null ? '' : String(Math.round(quota / MiB)),
  };
}

/** The configure call for a draft, or what is wrong with it in words. */
export function limitsInput(draft: LimitsDraft): { input: CallInput<'listener.configure'> } | { error: string } {
  const perSecond = Number(draft.perSecond);
  const burst = Number(draft.burst);
  if (draft.rateOn && !(draft.perSecond.trim() !== '' && perSecond > 0)) return { error: 'Requests a second must be a number above 0.' };
  if (draft.rateOn && !(Number.isInteger(burst) && burst >= 1)) return { error: 'The burst must be a whole number of requests, at least 1.' };
  const quotaText = draft.quotaMiB.trim();
  const quota = Number(quotaText);
  if (quotaText !== '' && !(Number.isInteger(quota) && quota >= 1))
    return { error: 'The storage quota is a whole number of MiB, at least 1 (or empty for none).' };
  return {
    input: {
      rateLimit: draft.rateOn ? { perSecond, burst } : null,
      storageQuotaBytes: quotaText === '' ? null : quota * MiB,
    },
  };
}
