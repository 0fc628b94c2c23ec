import type { DerivedFields, PendingDelivery } from '../store/types.js';
import type { ProviderId } from '../../src-shared/domain/provider.js';
import { derivingAdapter, deriveWithSecrets, failedDerivation, readSecrets, type DerivationContext, type DerivationInput, type SecretsRead } from './derive.js';

/**
 * Works out the derived fields of a batch of deliveries, in order. It never rejects for one bad
 * delivery: that one gets a failed derivation that says why, and the rest are derived.
 */
export interface Deriver {
  derive(batch: readonly PendingDelivery[]): Promise<DerivedFields[]>;
  close(): Promise<void>;
}

/**
 * Derives a batch on the calling thread; a failure in one adapter costs that delivery only. Each
 * provider's secrets are read once per batch: awaiting them for every delivery cost more than
 * some verifications.
 */
export async function deriveBatch(batch: readonly DerivationInput[], context: DerivationContext, onError: (error: unknown) => void): Promise<DerivedFields[]> {
  const secretsByProvider = new Map<ProviderId, SecretsRead>();
  const results: DerivedFields[] = [];
  for (const delivery of batch) {
    try {
      const adapter = derivingAdapter(delivery, context);
      let read: SecretsRead = NO_SECRETS;
      if (adapter) {
        const known = secretsByProvider.get(adapter.id);
        read = known ?? (await readSecrets(context, adapter.id));
        if (!known) secretsByProvider.set(adapter.id, read);
      }
      results.push(deriveWithSecrets(delivery, adapter, read));
    } catch (error) {
      onError(error);
      results.push(failedDerivation(delivery, error));
    }
  }
  return results;
}

/** What deriving without an adapter is given: it reads no secrets. */
const NO_SECRETS: SecretsRead = { secrets: [] };

/** Derivation in the main thread: tests, custom adapters, and the fallback when the derivation thread fails. */
export class InlineDeriver implements Deriver {
  constructor(
    private readonly context: DerivationContext,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  derive(batch: readonly PendingDelivery[]): Promise<DerivedFields[]> {
    return deriveBatch(batch, this.context, this.onError);
  }

  async close(): Promise<void> {}
}
