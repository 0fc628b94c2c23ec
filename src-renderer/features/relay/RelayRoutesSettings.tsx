import { useState } from 'react';
import type { RelayRouteView } from '../../../src-shared/contract/relay.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { RelayRouteForm } from './RelayRouteForm.js';
import { routeForm, type RouteFormState } from './route-form.js';
import { useDeleteRoute, usePauseRoute, useRelayRoutes } from './useRelay.js';
import { MODE_LABEL } from './relay-words.js';
import './relay.css';

/** Settings → Relay: Gatewatch in front of the merchant's backend, one route per listener path. */
export function RelayRoutesSettings() {
  const routes = useRelayRoutes();
  const [editing, setEditing] = useState<RouteFormState | null>(null);
  return (
    <section className="settings relay-routes" aria-label="Relay">
      <h2>Relay</h2>
      <p className="muted">
        A route puts Gatewatch in front of the merchant's backend: every webhook on its path is stored and verified as always, then forwarded. The backend can
        drop repeats by <code>X-Gatewatch-Delivery-Id</code>: a queued delivery may arrive twice after a crash (never zero times). A path without a route
        behaves as before.
      </p>
      {routes.isPending ? <Loading label="Loading relay routes…" /> : null}
      {routes.isError ? <ErrorState error={routes.error} /> : null}
      {routes.data && routes.data.routes.length === 0 ? <Empty>No relay routes yet.</Empty> : null}
      {routes.data && routes.data.routes.length > 0 ? (
        <ul className="relay-route-list">
          {routes.data.routes.map((route) => (
            <RouteItem key={route.id} route={route} onEdit={() => setEditing(routeForm(route))} />
          ))}
        </ul>
      ) : null}
      {editing ? (
        <RelayRouteForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing(routeForm())}>
          Add a relay route
        </button>
      )}
    </section>
  );
}

function RouteItem({ route, onEdit }: { route: RelayRouteView; onEdit(): void }) {
  const pause = usePauseRoute();
  const remove = useDeleteRoute();
  const [deleting, setDeleting] = useState(false);
  const waiting = route.stats.queueDepth;
  return (
    <li className="relay-route" data-route-id={route.id}>
      <div className="relay-route-head">
        <code className="relay-path">{route.path}</code>
        <span className="relay-arrow" aria-hidden>
          →
        </span>
        {route.url ? <code className="relay-url">{route.url}</code> : <span className="muted">simulated answers</span>}
        <span className="badge">{MODE_LABEL[route.mode]}</span>
        {route.paused ? <span className="badge relay-paused">paused</span> : null}
      </div>
      <p className="muted relay-route-facts">
        {route.mode === 'simulate' && route.simulate
          ? route.simulate.noAnswer
            ? `No answer after ${route.simulate.delayMs || route.timeoutMs} ms`
            : `Answers HTTP ${route.simulate.status}${route.simulate.failNext === null ? ' to every delivery' : ` to the next ${route.simulate.failNext} (${route.simulate.remaining} left), then 200`}${route.simulate.delayMs ? ` after ${route.simulate.delayMs} ms` : ''}`
          : `Timeout ${route.timeoutMs / 1000} s${route.mode === 'queue' ? ` · ${route.concurrency} at once · retries ${route.scheduleWords ?? '—'}` : ''}`}
      </p>
      <p className="muted relay-route-facts">Provider retries: {route.providerRetries}</p>
      {route.productionLike ? <p className="state-warning">{route.productionLike}.</p> : null}
      {route.warnings.map((warning) => (
        <p key={warning} className="state-warning">
          {warning}
        </p>
      ))}
      <div className="row">
        <button type="button" onClick={onEdit}>
          Edit
        </button>
        {route.mode !== 'simulate' ? (
          <button type="button" disabled={pause.isPending} onClick={() => pause.mutate({ routeId: route.id, paused: !route.paused })}>
            {route.paused ? 'Resume' : 'Pause'}
          </button>
        ) : null}
        <button type="button" className="danger" onClick={() => setDeleting(true)}>
          Delete
        </button>
      </div>
      {pause.isError ? <ErrorState error={pause.error} /> : null}
      {remove.isError ? <ErrorState error={remove.error} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete the route ${route.path}?`}
          confirmLabel="Delete route"
          onCancel={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            remove.mutate(route.id);
          }}
        >
          Webhooks on {route.path} will be stored and answered as before, and no longer relayed.
          {waiting > 0 ? ` ${waiting} waiting ${waiting === 1 ? 'delivery becomes a dead letter' : 'deliveries become dead letters'}.` : ''}
        </ConfirmDialog>
      ) : null}
    </li>
  );
}
