import { useState } from 'react';
import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import { hrefFor } from '../../app/router.js';
import { StatusBadge } from '../../ui/Badges.js';
import { keyed } from '../../ui/keys.js';
import { maskParty } from '../../ui/mask.js';
import { Time } from '../../ui/Time.js';
import { balanceTitle, providerTimeSource } from './meaning-words.js';

/** What the delivery means: status, direction, amounts, parties and the keys that link it to a payment. */
export function NormalizedPanel({ delivery }: { delivery: DeliveryDetail }) {
  const n = delivery.normalized;
  const [reveal, setReveal] = useState(false);
  return (
    <section className="panel normalized-panel" aria-label="Normalized view">
      <h3>Meaning</h3>
      {n ? (
        <dl className="facts">
          <dt>Event</dt>
          <dd>{n.eventType ?? <span className="muted">none</span>}</dd>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={n.status} />
            {n.providerStatus ? <span className="muted"> provider: {n.providerStatus}</span> : null}
          </dd>
          {n.statusReason ? (
            <>
              <dt>Reason</dt>
              <dd data-testid="status-reason">{n.statusReason}</dd>
            </>
          ) : null}
          <dt>Direction</dt>
          <dd>{n.direction}</dd>
          {n.eventTime ? (
            <>
              <dt>Provider time</dt>
              <dd data-testid="provider-time" title={providerTimeSource(n.eventTime)}>
                <code>{n.eventTime.received}</code>{' '}
                {n.eventTime.at ? (
                  <span className="muted">
                    = <Time iso={n.eventTime.at} mode="absolute" />
                    {n.eventTime.note ? ` (${n.eventTime.note})` : ''}
                  </span>
                ) : (
                  <span className="muted">(not a time Gatewatch can read)</span>
                )}
              </dd>
            </>
          ) : null}
          {n.environment ? (
            <>
              <dt>Environment</dt>
              <dd data-testid="event-environment">{n.environment}</dd>
            </>
          ) : null}
          {keyed(n.amounts, (a) => `amount:${a.role}:${a.value}:${a.currency ?? ''}`).map(({ key, item: amount }) => (
            <div key={key} className="fact-row">
              <dt>{amount.role}</dt>
              <dd className="amount">
                {amount.value} {amount.currency ?? ''}
                {amount.currencyListed === false ? (
                  <span className="state-warning" data-testid="currency-unlisted" title="Kept as received; see the schema notes below">
                    {' '}
                    not a currency the provider lists
                  </span>
                ) : null}
              </dd>
            </div>
          ))}
          {keyed(n.parties, (p) => `party:${p.role}:${p.kind}:${p.value}`).map(({ key, item: party }) => (
            <div key={key} className="fact-row">
              <dt>{party.role}</dt>
              <dd>
                <code title={party.kind}>{reveal ? party.value : maskParty(party.kind, party.value)}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No normalized view for this delivery{delivery.parseError ? ': the body could not be read.' : '.'}</p>
      )}
      {n?.balances && n.balances.length > 0 ? (
        <>
          <h4>Balances after</h4>
          <table className="balances" aria-label="Balances after">
            <thead>
              <tr>
                <th>Currency</th>
                <th>Balance</th>
                <th>Frozen</th>
              </tr>
            </thead>
            <tbody>
              {n.balances.map((b) => (
                <tr key={`${b.account ?? ''}:${b.currency}`} title={balanceTitle(b)}>
                  <td>{b.currency}</td>
                  <td className="amount">{b.balance}</td>
                  <td className="amount">{b.frozen ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {n && n.parties.length > 0 ? (
        <button type="button" className="link-button" onClick={() => setReveal(!reveal)}>
          {reveal ? 'Mask parties' : 'Show parties in full'}
        </button>
      ) : null}
      <h4>Payment timeline</h4>
      {delivery.correlationKeys.length > 0 ? (
        <ul className="keys" aria-label="Correlation keys">
          {delivery.correlationKeys.map((key) => (
            <li key={`${key.kind}:${key.value}`}>
              <span className="muted">{key.kind}</span>{' '}
              <a href={hrefFor({ page: 'timeline', key: key.value })} title="Open the payment timeline for this key">
                {key.value}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No correlation keys: this delivery links to no payment.</p>
      )}
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
