import type { DerivedFields, PendingDelivery } from '../store/types.js';
import { deriveDelivery, failedDerivation, type DerivationContext, type DerivationInput } from './derive.js';

/**
 * Works out the derived fields of a batch of deliveries, in order. It never rejects for one bad
 * delivery: that one gets a failed derivation that says why, and the rest are derived.
 */
export interface Deriver {
  derive(batch: readonly PendingDelivery[]): Promise<DerivedFields[]>;
  close(): Promise<void>;
}

/** Derives a batch on the calling thread; a failure in one adapter costs that delivery only. */
export async function deriveBatch(batch: readonly DerivationInput[], context: DerivationContext, onError: (error: unknown) => void): Promise<DerivedFields[]> {
  const results: DerivedFields[] = [];
  for (const delivery of batch) {
    try {
      results.push(await deriveDelivery(delivery, context));
    } catch (error) {
      onError(error);
      results.push(failedDerivation(delivery, error));
    }
  }
  return results;
}

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
