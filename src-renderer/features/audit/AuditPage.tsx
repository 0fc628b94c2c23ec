import { useState } from 'react';
import type { AuditEntry } from '../../../src-shared/contract/audit.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { useAuditActors, useAuditLog } from './useAudit.js';
import './audit.css';

/** Links a subject to its page when its id says what it is. */
function SubjectLink({ subject }: { subject: string | null }) {
  if (!subject) return <span className="muted">—</span>;
  if (subject.startsWith('dlv_')) return <a href={`#/deliveries/${encodeURIComponent(subject)}`}>{subject}</a>;
  return <code>{subject}</code>;
}

/** Who did what, when, to what: sends, replays, secret and settings changes. */
export function AuditPage() {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const actors = useAuditActors();
  const log = useAuditLog({ ...(action.trim() ? { action: action.trim() } : {}), ...(actor ? { actor } : {}) });
  const filtered = [actor ? `by ${actor}` : null, action.trim() ? `for ${action.trim()}` : null].filter(Boolean).join(' ');
  const entries: AuditEntry[] = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="audit-page">
      <h2>Audit log</h2>
      <div className="filters">
        <label>
          Person{' '}
          <select value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">everyone</option>
            {actors.data?.actors.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action <input type="search" list="audit-actions" placeholder="e.g. replay.send" value={action} onChange={(e) => setAction(e.target.value)} />
        </label>
        <datalist id="audit-actions">
          {[
            'replay.send',
            'replay.bulk',
            'replay.targets.save',
            'replay.targets.remove',
            'providers.configure',
            'users.add',
            'users.setRole',
            'tokens.create',
          ].map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </div>
      {log.isPending ? <Loading label="Loading the audit log…" /> : null}
      {log.isError ? <ErrorState error={log.error} /> : null}
      {log.isSuccess && entries.length === 0 ? <Empty>{filtered ? `No entries ${filtered}.` : 'Nothing recorded yet.'}</Empty> : null}
      {entries.length > 0 ? (
        <table className="audit-table" aria-label="Audit entries">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Subject</th>
              <th>What</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-audit-id={entry.id}>
                <td>
                  <Time iso={entry.at} relative={false} />
                </td>
                <td>{entry.actor}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  <SubjectLink subject={entry.subject} />
                </td>
                <td>
                  {entry.summary}
                  {Object.keys(entry.details).length > 0 ? (
                    <details>
                      <summary className="muted">details</summary>
                      <pre>{JSON.stringify(entry.details, null, 2)}</pre>
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {log.hasNextPage ? (
        <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {log.isFetchingNextPage ? 'Loading…' : 'Show older entries'}
        </button>
      ) : null}
    </div>
  );
}
