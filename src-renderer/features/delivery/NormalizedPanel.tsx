import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';

/** What the delivery means: direction, amounts, parties and the keys that link it to a payment. */
export function NormalizedPanel({ delivery }: { delivery: DeliveryDetail }) {
  const n = delivery.normalized;
  return (
    <section className="normalized-panel" aria-label="Normalized view">
      <h3>Meaning</h3>
      {n ? (
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            {n.status}
            {n.providerStatus ? <span className="muted"> (provider: {n.providerStatus})</span> : null}
          </dd>
          <dt>Direction</dt>
          <dd>{n.direction}</dd>
          {n.amounts.map((amount) => (
            <div key={`${amount.role}-${amount.value}`} className="fact-row">
              <dt>{amount.role}</dt>
              <dd>
                {amount.value} {amount.currency ?? ''}
              </dd>
            </div>
          ))}
          {n.parties.map((party) => (
            <div key={`${party.role}-${party.value}`} className="fact-row">
              <dt>{party.role}</dt>
              <dd>
                <code>{party.value}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No normalized view for this delivery.</p>
      )}
      {delivery.correlationKeys.length > 0 ? (
        <>
          <h4>Correlation keys</h4>
          <ul className="keys">
            {delivery.correlationKeys.map((key) => (
              <li key={`${key.kind}:${key.value}`}>
                <span className="muted">{key.kind}</span> <a href={`#/inbox?q=${encodeURIComponent(key.value)}`}>{key.value}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {delivery.schemaIssues.length > 0 ? (
        <details>
          <summary>{delivery.schemaIssues.length} schema notes</summary>
          <ul>
            {delivery.schemaIssues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
