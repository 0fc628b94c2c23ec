import { ProviderTag, StatusBadge } from '../../ui/Badges.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { useSessionList } from './useSessions.js';

export function SessionList() {
  const list = useSessionList();
  if (list.isPending) return <Loading label="Loading sessions…" />;
  if (list.isError) return <ErrorState error={list.error} />;
  if (list.data.items.length === 0) return <Empty>No sessions created yet.</Empty>;
  return (
    <table className="session-list">
      <thead>
        <tr>
          <th>Created</th>
          <th>Provider</th>
          <th>Environment</th>
          <th>Status</th>
          <th>Provider id</th>
          <th>Outcome</th>
        </tr>
      </thead>
      <tbody>
        {list.data.items.map((s) => (
          <tr key={s.id} data-session-id={s.id}>
            <td>
              <a href={`#/sessions/${encodeURIComponent(s.id)}`}>
                <Time iso={s.createdAt} />
              </a>
            </td>
            <td>
              <ProviderTag provider={s.provider} />
            </td>
            <td>{s.environment}</td>
            <td>
              <StatusBadge status={s.status} /> {s.providerState ? <span className="muted">{s.providerState}</span> : null}
            </td>
            <td>
              <code>{s.providerSessionId ?? '—'}</code>
            </td>
            <td className={s.outcome === 'failed' ? 'failed' : undefined} title={s.error ?? undefined}>
              {s.outcome === 'failed' ? (s.error ?? 'failed') : 'created'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
