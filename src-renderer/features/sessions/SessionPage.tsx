import type { SessionDetail } from '../../../src-shared/contract/sessions.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { hrefFor, navigate } from '../../app/router.js';
import { ProviderTag, StatusBadge } from '../../ui/Badges.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { useEscapeTo } from '../../ui/useEscapeTo.js';
import { HttpExchangeView } from './HttpExchangeView.js';
import { SessionActions } from './SessionActions.js';
import { TxLookupResult } from './TxLookupView.js';
import { useSession } from './useSessions.js';
import './sessions.css';

const CALL_LABEL = { create: 'Creation', status: 'Status query', mock_deposit: 'Test deposit' } as const;

function Identifiers({ session }: { session: SessionDetail }) {
  return (
    <dl className="facts">
      {session.providerSessionId ? (
        <div className="fact-row">
          <dt>Provider id</dt>
          <dd>
            <code data-testid="provider-session-id">{session.providerSessionId}</code> <CopyButton text={session.providerSessionId} />
          </dd>
        </div>
      ) : null}
      {session.links.map((link) => (
        <div className="fact-row" key={link.url}>
          <dt>{link.label}</dt>
          <dd>
            <a href={link.url} target="_blank" rel="noreferrer noopener" data-testid="session-link">
              {link.url}
            </a>{' '}
            <CopyButton text={link.url} />
          </dd>
        </div>
      ))}
      {session.correlationKeys.map((key) => (
        <div className="fact-row" key={`${key.kind}:${key.value}`}>
          <dt>{key.kind}</dt>
          <dd>
            <a href={hrefFor({ page: 'timeline', key: key.value })} title="Payment timeline for this id">
              {key.value}
            </a>{' '}
            <CopyButton text={key.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function SessionPage({ id }: { id: string }) {
  const query = useSession(id);
  // Escape goes back to the list of sessions, as "← Sessions" does.
  useEscapeTo(() => navigate({ page: 'sessions', params: new URLSearchParams() }));
  if (query.isPending) return <Loading label="Loading session…" />;
  if (query.isError) return <ErrorState error={query.error} />;
  const s = query.data;
  return (
    <article className="session" aria-label={`Session ${s.id}`}>
      <a href="#/sessions" className="back">
        ← Sessions
      </a>
      <h2>
        <ProviderTag provider={s.provider} /> {providerCatalogue[s.provider].displayName} {s.kind.replace('_', ' ')}{' '}
        <span data-testid="session-status">
          <StatusBadge status={s.status} />
        </span>
        {s.providerState ? <code data-testid="provider-state">{s.providerState}</code> : null}
      </h2>
      <p className="muted">
        <code>{s.id}</code> · {s.environment} · created <Time iso={s.createdAt} relative={false} />
      </p>
      {s.error ? (
        <p className="state state-error" role="alert" data-testid="session-error">
          {s.error}
        </p>
      ) : null}
      {s.assumptions.length > 0 ? (
        <ul className="assumption">
          {s.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ) : null}
      <Identifiers session={s} />
      <SessionActions session={s} />

      <h3>Webhooks for this session</h3>
      {s.linkedDeliveries.length === 0 ? (
        <p className="muted">No webhook carrying one of these ids has arrived yet.</p>
      ) : (
        <ul className="linked-deliveries" data-testid="linked-deliveries">
          {s.linkedDeliveries.map((d) => (
            <li key={d.id} data-delivery-id={d.id}>
              <a href={hrefFor({ page: 'delivery', id: d.id })}>{d.eventType ?? 'delivery'}</a> <StatusBadge status={d.status} />{' '}
              <span className="muted">
                via {d.key.kind} · <Time iso={d.receivedAt} />
              </span>{' '}
              <a href={hrefFor({ page: 'timeline', key: d.key.value })}>timeline</a>
            </li>
          ))}
        </ul>
      )}

      {s.txLookups.length > 0 ? (
        <>
          <h3>Withdraw tx hash lookups</h3>
          {s.txLookups.map((l) => (
            <TxLookupResult key={l.id} lookup={l} />
          ))}
        </>
      ) : null}

      <h3>History</h3>
      <ol className="session-calls">
        {[...s.calls].reverse().map((call) => (
          <li key={call.id} className={call.ok ? 'ok' : 'failed'}>
            <div>
              <strong>{CALL_LABEL[call.kind]}</strong> · <Time iso={call.at} /> {call.status ? <StatusBadge status={call.status} /> : null}
              {call.providerState ? <code>{call.providerState}</code> : null}
            </div>
            {call.error ? <p className="state-error">{call.error}</p> : null}
            <details open={call.kind === 'create'}>
              <summary>Request and answer</summary>
              <HttpExchangeView request={call.request} response={call.response} />
            </details>
          </li>
        ))}
      </ol>
    </article>
  );
}
