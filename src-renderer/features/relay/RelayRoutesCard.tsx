import type { RelayRouteView } from '../../../src-shared/contract/relay.js';
import { hrefFor } from '../../app/router.js';
import { ErrorState } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { HEALTH_LABEL, millis, percent } from './relay-words.js';
import { useRelayRoutes, useRetryRelay } from './useRelay.js';
import './relay.css';

/** The dashboard's relay cards: per route, the last 24 hours at a glance; a failing backend stands out. */
export function RelayRoutesCard() {
  const routes = useRelayRoutes();
  if (routes.isError) return <ErrorState error={routes.error} />;
  if (!routes.data || routes.data.routes.length === 0) return null;
  return (
    <section className="panel relay-card" aria-label="Relay routes">
      <h3>Relay routes</h3>
      <div className="relay-route-cards">
        {routes.data.routes.map((route) => (
          <RouteCard key={route.id} route={route} />
        ))}
      </div>
    </section>
  );
}

function RouteCard({ route }: { route: RelayRouteView }) {
  const s = route.stats;
  const retry = useRetryRelay();
  const failedLink = hrefFor({ page: 'inbox', params: new URLSearchParams({ relay: 'failed', provider: route.provider }) });
  return (
    <article className={`relay-route-card health-${s.health}`} data-route-path={route.path} aria-label={`Route ${route.path}`}>
      <header>
        <code>{route.path}</code>
        <span className={`badge health-badge health-${s.health}`} data-health={s.health}>
          {HEALTH_LABEL[s.health]}
        </span>
      </header>
      <p className="muted relay-card-url">
        {route.url ?? 'simulated answers'} · {route.mode}
      </p>
      <p className="relay-health-reason">{s.healthReason}</p>
      <dl className="relay-figures">
        <div>
          <dt>Success</dt>
          <dd>{percent(s.successRate)}</dd>
        </div>
        <div>
          <dt>p95 backend</dt>
          <dd>{millis(s.p95LatencyMs)}</dd>
        </div>
        <div>
          <dt>Queue</dt>
          <dd>{s.queueDepth.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Oldest waiting</dt>
          <dd>{s.oldestPendingAt ? <Time iso={s.oldestPendingAt} /> : '—'}</dd>
        </div>
        <div>
          <dt>Dead letters</dt>
          <dd>{s.deadLetters > 0 ? <a href={failedLink}>{s.deadLetters.toLocaleString()}</a> : '0'}</dd>
        </div>
      </dl>
      {s.deadLetters > 0 && route.url ? (
        <button type="button" className="relay-retry-all" disabled={retry.isPending} onClick={() => retry.mutate({ filter: { routeId: route.id } })}>
          Retry {s.deadLetters === 1 ? 'the dead letter' : `all ${s.deadLetters.toLocaleString()} dead letters`} (one try each)
        </button>
      ) : null}
      {retry.isError ? <ErrorState error={retry.error} /> : null}
      {retry.data ? (
        <p className="muted" role="status">
          {retry.data.retried.toLocaleString()} sent again.{retry.data.reasons.length ? ` ${retry.data.reasons.join(' ')}` : ''}
        </p>
      ) : null}
    </article>
  );
}
