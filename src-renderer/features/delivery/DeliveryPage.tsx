import { ProviderTag, StatusBadge } from '../../ui/Badges.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { formatBytes } from '../../ui/format.js';
import { BodyView } from './BodyView.js';
import { HeadersTable } from './HeadersTable.js';
import { VerificationPanel } from './VerificationPanel.js';
import { NormalizedPanel } from './NormalizedPanel.js';
import { useDelivery } from './useDelivery.js';
import { DeliveryReplayPanel } from '../replay/DeliveryReplayPanel.js';
import { DeliverySessionActions } from '../sessions/DeliverySessionActions.js';

export function DeliveryPage({ id }: { id: string }) {
  const query = useDelivery(id);
  if (query.isPending) return <Loading label="Loading delivery…" />;
  if (query.isError) return <ErrorState error={query.error} />;
  const d = query.data;
  return (
    <article className="delivery" aria-label={`Delivery ${d.id}`}>
      <header className="delivery-header">
        <a href="#/inbox" className="back">
          ← Inbox
        </a>
        <h2>
          <ProviderTag provider={d.provider} /> {d.eventType ?? <span className="muted">no event type</span>} <StatusBadge status={d.status} />
        </h2>
        <p className="muted">
          <code>{d.id}</code> · {d.method} {d.path}
          {d.query ? `?${d.query}` : ''} · <Time iso={d.receivedAt} relative={false} /> · {formatBytes(d.size)} · from{' '}
          {d.forwarded?.for ?? d.remoteAddress ?? 'unknown'}
        </p>
        {d.parseError ? (
          <p className="state state-warning" role="note">
            {d.parseError}
          </p>
        ) : null}
        {d.duplicateOf ? (
          <p className="state state-warning">
            Duplicate of <a href={`#/deliveries/${d.duplicateOf}`}>{d.duplicateOf}</a> (a provider retry or a replay).
          </p>
        ) : null}
        {d.duplicates.length > 0 ? <p className="muted">{d.duplicates.length} later deliveries repeat this one.</p> : null}
      </header>
      <div className="delivery-grid">
        <div className="delivery-main">
          <h3>Body</h3>
          <BodyView delivery={d} />
          <h3>Headers</h3>
          <HeadersTable headers={d.headers} />
        </div>
        <aside className="delivery-side">
          <VerificationPanel result={d.verificationResult} />
          <NormalizedPanel delivery={d} />
          <DeliverySessionActions delivery={d} />
          <DeliveryReplayPanel delivery={d} />
        </aside>
      </div>
    </article>
  );
}
