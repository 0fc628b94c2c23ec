import { useMemo } from 'react';
import type { ReplayAttempt } from '../../../src-shared/contract/replay.js';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { Empty } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { bodyDiff, headerDiff } from './body-diff.js';
import { DiffView } from './DiffView.js';

/** The original a diff is made against; absent on the replay page, where only the sent side is known. */
export interface OriginalRequest {
  body: string | null;
  headers: readonly HeaderPair[];
}

export function AttemptOutcome({ attempt }: { attempt: ReplayAttempt }) {
  const status = attempt.response ? `HTTP ${attempt.response.status}` : 'no answer';
  return (
    <span className={`badge replay-${attempt.outcome}`} data-outcome={attempt.outcome}>
      {attempt.outcome === 'ok' ? status : `failed · ${status}`}
    </span>
  );
}

export function AttemptList({ attempts, original, showDelivery = false }: { attempts: ReplayAttempt[]; original?: OriginalRequest; showDelivery?: boolean }) {
  if (attempts.length === 0) return <Empty>No replays yet.</Empty>;
  return (
    <ul className="replay-attempts" aria-label="Replay attempts">
      {attempts.map((a) => (
        <li key={a.id} data-attempt-id={a.id}>
          <details>
            <summary>
              <AttemptOutcome attempt={a} /> {a.target.name} · <Time iso={a.startedAt} /> · {a.durationMs} ms
              {a.bodyEdited ? <span className="badge">edited</span> : null}
              {a.resigned ? <span className="badge">re-signed</span> : null}
              {showDelivery ? (
                <>
                  {' '}
                  · <a href={`#/deliveries/${encodeURIComponent(a.deliveryId)}`}>{a.deliveryId}</a>
                </>
              ) : null}
            </summary>
            <AttemptDetail attempt={a} original={original} />
          </details>
        </li>
      ))}
    </ul>
  );
}

function AttemptDetail({ attempt, original }: { attempt: ReplayAttempt; original?: OriginalRequest }) {
  const bodyLines = useMemo(
    () => (attempt.sentBody !== null && original?.body != null ? bodyDiff(original.body, attempt.sentBody) : null),
    [attempt.sentBody, original?.body],
  );
  const headerLines = useMemo(
    () => (attempt.headersEdited && original ? headerDiff(original.headers, attempt.sentHeaders) : null),
    [attempt.headersEdited, attempt.sentHeaders, original],
  );
  return (
    <div className="replay-attempt-detail">
      <p className="muted">
        POST {attempt.target.url} · sha256 {attempt.sentBodySha256.slice(0, 12)}…
      </p>
      {attempt.error ? (
        <p className="state-error" role="note">
          {attempt.error}
        </p>
      ) : null}
      {attempt.bodyEdited ? (
        <>
          <h4>Body edit</h4>
          {original?.body != null ? <DiffView lines={bodyLines} label="Body diff" /> : <pre className="body">{attempt.sentBody}</pre>}
        </>
      ) : (
        <p className="muted">Stored body sent unchanged.</p>
      )}
      {attempt.headersEdited && original ? (
        <>
          <h4>Header edit</h4>
          <DiffView lines={headerLines} label="Header diff" />
        </>
      ) : null}
      <h4>Sent headers</h4>
      <pre className="replay-headers">{attempt.sentHeaders.map(([n, v]) => `${n}: ${v}`).join('\n')}</pre>
      {attempt.response ? (
        <>
          <h4>
            Answer: {attempt.response.status} {attempt.response.statusText}
          </h4>
          <pre className="replay-headers">{attempt.response.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}</pre>
          <pre className="body">{attempt.response.body || '(empty body)'}</pre>
          {attempt.response.bodyTruncated ? <p className="muted">Answer cut at {attempt.response.size.toLocaleString()} bytes.</p> : null}
        </>
      ) : null}
    </div>
  );
}
