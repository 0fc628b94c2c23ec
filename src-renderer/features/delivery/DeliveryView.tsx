import { ProviderTag, StatusBadge, VerificationBadge } from '../../ui/Badges.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { formatBytes } from '../../ui/format.js';
import { BodyView } from './BodyView.js';
import { HeadersTable } from './HeadersTable.js';
import { VerificationPanel } from './VerificationPanel.js';
import { NormalizedPanel } from './NormalizedPanel.js';
import { DuplicatesPanel } from './DuplicatesPanel.js';
import { DeliveryActions } from './DeliveryActions.js';
import { useDelivery, useReverify } from './useDelivery.js';
import { DeliveryReplayPanel } from '../replay/DeliveryReplayPanel.js';
import { DeliverySessionActions } from '../sessions/DeliverySessionActions.js';
import { RelayHopsPanel } from '../relay/RelayHopsPanel.js';
import './delivery.css';

/**
 * One delivery: every byte as received and what the console made of it. Shown on its own page
 * and in the inbox's detail pane; body and panels sit side by side when there is room, stacked
 * otherwise (the article is a size container, see delivery.css).
 */
export function DeliveryView({ id }: { id: string }) {
  const query = useDelivery(id);
  const reverify = useReverify(id);
  if (query.isPending) return <Loading label="Loading delivery…" />;
  if (query.isError) return <ErrorState error={query.error} />;
  const d = query.data;
  return (
    <article className="delivery" aria-label={`Delivery ${d.id}`}>
      <header className="delivery-header">
        <div className="delivery-title">
          <h2>
            <ProviderTag provider={d.provider} />
            {d.label ? <span className="label">/{d.label}</span> : null}{' '}
            <span className="event-name">{d.eventType ?? <span className="muted">no event type</span>}</span> <StatusBadge status={d.status} />{' '}
            <VerificationBadge status={d.verification} secretLabel={d.verificationResult.secretLabel} />
          </h2>
          <DeliveryActions delivery={d} />
        </div>
        <p className="muted delivery-meta">
          <code>{d.id}</code> · {d.method} {d.path}
          {d.query ? `?${d.query}` : ''} · <Time iso={d.receivedAt} mode="both" /> · {formatBytes(d.size)} · from{' '}
          {d.forwarded?.for ?? d.remoteAddress ?? 'unknown'}
          {d.eventId ? (
            <>
              {' '}
              · event id <code>{d.eventId}</code>
            </>
          ) : null}
        </p>
        {d.parseError ? (
          <p className="state state-warning" role="note">
            {d.parseError}
          </p>
        ) : null}
      </header>
      <div className="delivery-grid">
        <div className="delivery-main">
          <h3>Body</h3>
          <BodyView delivery={d} />
          <h3>Headers</h3>
          <HeadersTable deliveryId={d.id} headers={d.headers} signatureHeader={d.verificationResult.scheme?.header} />
        </div>
        <aside className="delivery-side">
          <VerificationPanel result={d.verificationResult} provider={d.provider} onReverify={() => reverify.mutate()} reverifying={reverify.isPending} />
          {reverify.isError ? <ErrorState error={reverify.error} /> : null}
          <RelayHopsPanel delivery={d} />
          <NormalizedPanel delivery={d} />
          <DuplicatesPanel delivery={d} />
          <DeliverySessionActions delivery={d} />
          <DeliveryReplayPanel delivery={d} />
        </aside>
      </div>
    </article>
  );
}
