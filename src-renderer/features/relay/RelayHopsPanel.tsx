import { useState } from 'react';
import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import type { RelayAttempt, RelayJobView } from '../../../src-shared/contract/relay.js';
import { providerRetryWords } from '../../../src-shared/relay/provider-retry.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { isProviderId } from '../../../src-shared/domain/provider.js';
import { hrefFor } from '../../app/router.js';
import { ErrorState } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { JOB_STATE_LABEL, localTime } from './relay-words.js';
import { useRelayAttempts, useRetryRelay } from './useRelay.js';
import { useTransport } from '../../transport/context.js';
import { exportHref } from '../interop/export-links.js';
import './relay.css';

/** The hops of a delivery: provider → Gatewatch (what it was answered, when it retries) → backend (each try). */
export function RelayHopsPanel({ delivery }: { delivery: DeliveryDetail }) {
  const relay = useRelayAttempts(delivery.id);
  const retry = useRetryRelay();
  const transport = useTransport();
  const job = relay.data?.job ?? null;
  if (!job && !delivery.providerRetry) return null;
  const name = isProviderId(delivery.provider) ? providerCatalogue[delivery.provider].displayName : 'The sender';
  const providerRetry = delivery.providerRetry;
  return (
    <section className="panel relay-panel" aria-label="Relay">
      <h3>Relay</h3>
      <ol className="relay-hops">
        <li className="relay-hop">
          <strong>{name} → Gatewatch</strong>
          <p>{answerLine(delivery, job, relay.data?.attempts.at(-1) ?? null)}</p>
          {providerRetry ? (
            <p className={`relay-provider-retry retry-${providerRetry.state}`} data-testid="provider-retry">
              {providerRetryWords(providerRetry, (iso) => localTime(iso), name)}
              {providerRetry.retryDeliveryId ? (
                <>
                  {' '}
                  <a href={hrefFor({ page: 'delivery', id: providerRetry.retryDeliveryId })}>Open the retry</a>
                </>
              ) : null}
              {providerRetry.note ? <span className="assumption"> {providerRetry.note}</span> : null}
            </p>
          ) : null}
        </li>
        {job && job.mode !== 'simulate' ? (
          <li className="relay-hop">
            <strong>Gatewatch → backend</strong>{' '}
            <span className={`badge relay-job-${job.state}`} data-job-state={job.state}>
              {JOB_STATE_LABEL[job.state]}
            </span>
            {relay.data?.route ? (
              <p className="muted">
                <code>{relay.data.route.url}</code> · route {relay.data.route.path} ({relay.data.route.mode})
              </p>
            ) : (
              <p className="muted">Its route has been deleted since.</p>
            )}
            {job.state === 'pending' && job.runAt ? (
              <p>
                {job.attempts === 0 ? 'First try' : `Try ${job.attempts + 1} of ${job.maxAttempts}`} around <Time iso={job.runAt} mode="both" />.
              </p>
            ) : null}
            {job.state === 'failed' ? <p className="state-error">{job.lastError}</p> : null}
            <AttemptList attempts={relay.data?.attempts ?? []} />
            {/* Serve mode's export stream, as the inbox's export links (the desktop window has none). */}
            {transport.kind === 'http' && (relay.data?.attempts.length ?? 0) > 0 ? (
              <p className="export-links">
                <a
                  href={exportHref('har', { what: 'relay-attempts', deliveryId: delivery.id })}
                  download
                  title="The tries as request/response pairs, HAR 1.2 (credential values masked)"
                >
                  Export the tries (HAR)
                </a>
              </p>
            ) : null}
            {job.state === 'failed' && relay.data?.route ? (
              <button type="button" disabled={retry.isPending} onClick={() => retry.mutate({ deliveryId: delivery.id })}>
                Retry now (one try)
              </button>
            ) : null}
            {retry.isError ? <ErrorState error={retry.error} /> : null}
          </li>
        ) : null}
      </ol>
      {relay.isError ? <ErrorState error={relay.error} /> : null}
    </section>
  );
}

function answerLine(delivery: DeliveryDetail, job: RelayJobView | null, last: RelayAttempt | null): string {
  if (delivery.rejected) return `Refused by the listener: HTTP ${delivery.rejected.httpStatus}.`;
  if (!job) return 'Answered HTTP 200 once stored.';
  if (job.state === 'sending') return 'Waiting for the backend: the provider gets its answer.';
  const at = job.answeredAt ? ` at ${localTime(job.answeredAt)}` : '';
  if (job.answeredAt === null || job.answeredStatus === null) {
    return job.mode === 'simulate' ? `Got no answer${at} (a simulated time-out).` : 'Got no answer: Gatewatch stopped before the backend answered.';
  }
  const how =
    job.mode === 'simulate'
      ? 'a simulated answer'
      : job.mode !== 'passthrough'
        ? 'once stored; relayed by the queue'
        : last?.response
          ? "the backend's answer, passed on"
          : job.answeredStatus === 504
            ? "Gatewatch's own: the backend did not answer in time"
            : "Gatewatch's own: the backend could not be reached";
  return `Answered HTTP ${job.answeredStatus}${at} (${how}).`;
}

function AttemptList({ attempts }: { attempts: RelayAttempt[] }) {
  if (attempts.length === 0) return <p className="muted">No tries yet.</p>;
  return (
    <ul className="relay-attempts" aria-label="Backend tries">
      {attempts.map((a) => (
        <AttemptItem key={a.id} attempt={a} />
      ))}
    </ul>
  );
}

function AttemptItem({ attempt: a }: { attempt: RelayAttempt }) {
  const [open, setOpen] = useState(false);
  return (
    <li data-relay-attempt={a.id}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <span className={`badge replay-${a.outcome}`}>{a.response ? `HTTP ${a.response.status}` : 'no answer'}</span> try {a.number} ·{' '}
          <Time iso={a.startedAt} /> · {a.durationMs} ms
        </summary>
        {a.error ? (
          <p className="state-error" role="note">
            {a.error}
          </p>
        ) : null}
        {a.response ? (
          <>
            <h4>
              Answer: {a.response.status} {a.response.statusText}
            </h4>
            <pre className="body relay-answer">{a.response.body || '(empty body)'}</pre>
            {a.response.bodyTruncated ? <p className="muted">Cut at {a.response.size.toLocaleString()} bytes.</p> : null}
          </>
        ) : null}
        {open ? (
          <>
            <h4>Sent headers</h4>
            <pre className="replay-headers">{a.sentHeaders.map(([n, v]) => `${n}: ${v}`).join('\n')}</pre>
          </>
        ) : null}
      </details>
    </li>
  );
}
