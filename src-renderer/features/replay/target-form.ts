/** The replay target form's state, from a saved target and to the `replay.targets.save` input. */
import type { ReplayTargetSaveInput, ReplayTargetView } from '../../../src-shared/contract/replay.js';
import { providerIds, type ProviderId } from '../../../src-shared/domain/provider.js';

export interface TargetFormState {
  id: string | null;
  name: string;
  url: string;
  provider: string;
  timeoutSeconds: string;
  /** Empty keeps the stored secret. */
  signingSecret: string;
  removeSecret: boolean;
  /** Calypso: the public key sent in the `Key` header with re-signed replays. */
  signingKey: string;
  /** Replays send the provider's Authorization, Cookie… too. */
  forwardCredentialHeaders: boolean;
}

export function targetForm(target?: ReplayTargetView): TargetFormState {
  return {
    id: target?.id ?? null,
    name: target?.name ?? '',
    url: target?.url ?? '',
    provider: target?.provider ?? '',
    timeoutSeconds: String((target?.timeoutMs ?? 15_000) / 1000),
    signingSecret: '',
    removeSecret: false,
    signingKey: target?.signingKey ?? '',
    forwardCredentialHeaders: target?.forwardCredentialHeaders ?? false,
  };
}

export function targetSaveInput(form: TargetFormState): ReplayTargetSaveInput {
  const seconds = Number(form.timeoutSeconds);
  return {
    ...(form.id ? { id: form.id } : {}),
    name: form.name.trim(),
    url: form.url.trim(),
    provider: (providerIds as readonly string[]).includes(form.provider) ? (form.provider as ProviderId) : null,
    ...(Number.isFinite(seconds) && seconds > 0 ? { timeoutMs: Math.round(seconds * 1000) } : {}),
    forwardCredentialHeaders: form.forwardCredentialHeaders,
    ...(form.removeSecret ? { signingSecret: null } : form.signingSecret !== '' ? { signingSecret: form.signingSecret } : {}),
    ...(form.provider === 'calypso' && !form.removeSecret ? { signingKey: form.signingKey.trim() === '' ? null : form.signingKey.trim() } : {}),
  };
}

/** A pasted secret with surrounding whitespace signs differently from what the user meant. */
export function secretWhitespaceWarning(value: string): string | null {
  return value !== '' && value.trim() !== value ? 'This secret starts or ends with whitespace: it will be used exactly as typed.' : null;
}
