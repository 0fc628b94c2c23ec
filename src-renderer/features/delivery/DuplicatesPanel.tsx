import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import { hrefFor } from '../../app/router.js';

/** The first delivery of this event and every later retry or replay of it. */
export function DuplicatesPanel({ delivery }: { delivery: DeliveryDetail }) {
  if (!delivery.duplicateOf && delivery.duplicates.length === 0) return null;
  const link = (id: string) => <a href={hrefFor({ page: 'delivery', id })}>{id}</a>;
  return (
    <section className="panel duplicates-panel" aria-label="Retries and duplicates">
      <h3>Retries and duplicates</h3>
      {delivery.duplicateOf ? (
        <p>
          This repeats {link(delivery.duplicateOf)} (same event id or identical body): a provider retry or a replay. None of these providers signs a timestamp,
          so a repeat verifies like the original.
        </p>
      ) : null}
      {delivery.duplicates.length > 0 ? (
        <>
          <p className="muted">
            {delivery.duplicates.length} later {delivery.duplicates.length === 1 ? 'delivery repeats' : 'deliveries repeat'} this one:
          </p>
          <ol className="duplicates">
            {delivery.duplicates.map((id) => (
              <li key={id}>{link(id)}</li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
