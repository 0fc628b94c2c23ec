/**
 * Where the alert service's own signals come from, without the pipeline or the listener knowing
 * about alerts: a Deriver that reports what it worked out, and the listener's state read as health.
 */
import type { Deriver } from '../pipeline/deriver.js';
import type { DerivedFields, PendingDelivery } from '../store/types.js';
import { idTime } from '../store/ids.js';
import type { SignatureFailure } from './signature-burst.js';
import type { ListenerHealth } from './signals.js';

/** The deliveries of a derived batch whose signature is invalid, with when each was received. */
export function signatureFailuresOf(batch: readonly Pick<PendingDelivery, 'id' | 'provider'>[], derived: readonly DerivedFields[]): SignatureFailure[] {
  const failures: SignatureFailure[] = [];
  batch.forEach((delivery, index) => {
    if (derived[index]?.verification.status !== 'invalid') return;
    const receivedAt = idTime(delivery.id);
    if (receivedAt !== null) failures.push({ deliveryId: delivery.id, provider: delivery.provider, receivedAt });
  });
  return failures;
}

/** The same deriver, telling `onFailures` about every invalid signature it finds (never failing a batch for it). */
export function reportingSignatureFailures(deriver: Deriver, onFailures: (failures: SignatureFailure[]) => void): Deriver {
  return {
    async derive(batch) {
      const derived = await deriver.derive(batch);
      try {
        const failures = signatureFailuresOf(batch, derived);
        if (failures.length > 0) onFailures(failures);
      } catch {
        // Alerts are a by-product: derivation goes on whatever becomes of them.
      }
      return derived;
    },
    close: () => deriver.close(),
  };
}

/** The parts of the listener and its port this reads. */
export interface ListenerState {
  address(): unknown;
  protection(): { storage: { refusing: string | null } | null };
}

/** Down when it is not listening (its port could not be had) or refuses every delivery (disk or quota full). */
export function listenerHealthOf(listener: ListenerState, port: { readonly problem: string | null }): () => ListenerHealth {
  return () => {
    if (listener.address() === null) return { down: true, reason: port.problem ?? 'The webhook listener is not listening.' };
    const refusing = listener.protection().storage?.refusing ?? null;
    if (refusing !== null) return { down: true, reason: `It refuses every delivery (HTTP 507). ${refusing}` };
    return { down: false };
  };
}
