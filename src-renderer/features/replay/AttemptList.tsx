import { useMemo, useState } from 'react';
import type { ReplayAttempt, ReplayAttemptListed } from '../../../src-shared/contract/replay.js';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { Empty } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { attemptDiffs } from './body-diff.js';
import { DiffView } from './DiffView.js';
import { attemptDeliveryName } from './attempt-words.js';

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

export function AttemptList({
  attempts,
  original,
  showDelivery = false,
}: {
  attempts: ReplayAttemptListed[];
  original?: OriginalRequest;
  showDelivery?: boolean;
}) {
  if (attempts.length === 0) return <Empty>No replays yet.</Empty>;
  return (
    <ul className="replay-attempts" aria-label="Replay attempts">
      {attempts.map((a) => (
        <AttemptItem key={a.id} attempt={a} original={original} showDelivery={showDelivery} />
      ))}
    </ul>
  );
}

/** One attempt; its detail (and the diffs in it) is only worked out while it is expanded. */
function AttemptItem({ attempt: a, original, showDelivery }: { attempt: ReplayAttemptListed; original?: OriginalRequest; showDelivery: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <li data-attempt-id={a.id}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <AttemptOutcome attempt={a} /> {a.target.name} · <Time iso={a.startedAt} /> · {a.durationMs} ms
          {a.bodyEdited ? <span className="badge">edited</span> : null}
          {a.resigned ? <span className="badge">re-signed</span> : null}
        </summary>
        {open ? <AttemptDetail attempt={a} original={original} /> : null}
      </details>
      {/* Beside the summary, not in it: a link inside the toggle would be a control within a control. */}
      {showDelivery ? (
        <a className="attempt-delivery" href={`#/deliveries/${encodeURIComponent(a.deliveryId)}`}>
          {attemptDeliveryName(a)}
        </a>
      ) : null}
    </li>
  );
}

function AttemptDetail({ attempt, original }: { attempt: ReplayAttempt; original?: OriginalRequest }) {
  const diffs = useMemo(() => attemptDiffs(attempt, original), [attempt, original]);
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
          {diffs.body ? <DiffView diff={diffs.body} label="Body diff" /> : <pre className="body">{attempt.sentBody}</pre>}
        </>
      ) : (
        <p className="muted">Stored body sent unchanged.</p>
      )}
      {diffs.headers ? (
        <>
          <h4>Header edit</h4>
          <DiffView diff={diffs.headers} label="Header diff" />
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
