import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { DerivedFields } from '../store/types.js';
import type { WebhookSecret } from '../providers/types.js';
import type { DerivationInput } from './derive.js';

/*
 * Messages between the main thread and the derivation thread. Both ends are this program, in one
 * process, and the messages are structured clones of these types: they are typed, not parsed
 * with zod, since parsing every delivery twice would cost what the thread is there to save.
 */

/** A provider's webhook secrets, or why the main thread could not read them. */
export type SecretsForThread = { secrets: WebhookSecret[] } | { error: string };

export interface DeriveRequest {
  id: number;
  batch: DerivationInput[];
  secrets: Partial<Record<ProviderId, SecretsForThread>>;
}

export interface DeriveReply {
  id: number;
  derived: DerivedFields[];
  /** Adapter failures (each delivery concerned got a failed derivation saying why). */
  errors: string[];
}
