import { useMemo, useState } from 'react';
import type { TimelineFlag } from '../../../src-shared/contract/timeline.js';
import { hrefFor, navigate } from '../../app/router.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { HeadlineBanner } from './HeadlineBanner.js';
import { TimelineStepItem } from './TimelineStepItem.js';
import { FLAG_LABEL, formatGap } from './timeline-words.js';
import { useTimeline } from './useTimeline.js';
import { visibleSteps } from './visible-steps.js';
import { useEscapeTo } from '../../ui/useEscapeTo.js';
import { CopyLinkButton } from '../../ui/CopyLinkButton.js';
import { IdSuggestionList } from './IdSuggestionList.js';
import { useIdSuggestions } from './useIdSuggestions.js';
import './timeline.css';

/** A payment's history: every delivery, session, status check and replay linked to one key. */
export function TimelinePage({ correlationKey, inboxParams }: { correlationKey: string; inboxParams?: URLSearchParams | undefined }) {
  const query = useTimeline(correlationKey);
  const [typed, setTyped] = useState(correlationKey);
  const flagsByStep = useMemo(() => {
    const map = new Map<string, TimelineFlag[]>();
    for (const flag of query.data?.flags ?? []) map.set(flag.stepKey, [...(map.get(flag.stepKey) ?? []), flag]);
    return map;
  }, [query.data]);
  const data = query.data;
  // A key that finds nothing: the ids it names in another case, or starts, may.
  const unknown = data !== undefined && !query.isPlaceholderData && data.steps.length === 0;
  const lookup = useIdSuggestions(unknown ? correlationKey : '');
  const last = data?.steps.at(-1);
  const first = data?.steps[0];
  const [showRetries, setShowRetries] = useState(false);
  const retryCount = data?.steps.filter((s) => s.retryOf).length ?? 0;
  // Retries of an event on this timeline are counted under it (×N), not as something to check.
  const retryKeys = new Set(data?.steps.filter((s) => s.retryOf).map((s) => s.key));
  const toCheck = (data?.flags ?? []).filter((f) => !(f.kind === 'duplicate' && retryKeys.has(f.stepKey)));
  const shown = useMemo(() => visibleSteps(data?.steps ?? [], showRetries), [data, showRetries]);
  useEscapeTo(() => (window.history.length > 1 ? window.history.back() : navigate({ page: 'inbox', params: new URLSearchParams() })));

  return (
    <section className="timeline-page" aria-label="Payment timeline">
      <header className="timeline-header">
        <a href={hrefFor({ page: 'inbox', params: inboxParams ?? new URLSearchParams() })} className="back">
          ← Inbox
        </a>
        <search>
          <form
            className="timeline-lookup"
            onSubmit={(event) => {
              event.preventDefault();
              if (typed.trim()) navigate({ page: 'timeline', key: typed.trim(), ...(inboxParams ? { params: inboxParams } : {}) });
            }}
          >
            <h2>Payment timeline</h2>
            <input
              aria-label="Correlation key"
              placeholder="session id, transaction id, reference…"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
            <button type="submit">Show</button>
            <CopyLinkButton route={hrefFor({ page: 'timeline', key: correlationKey })} />
          </form>
        </search>
        {data?.headline ? <HeadlineBanner headline={data.headline} /> : null}
        <div className="timeline-summary" aria-live="polite">
          {data && last && first ? (
            <>
              <span>
                {data.steps.length} {data.steps.length === 1 ? 'step' : 'steps'} over {formatGap(Date.parse(last.at) - Date.parse(first.at))}
              </span>
              {retryCount > 0 ? (
                <label className="show-retries">
                  <input type="checkbox" checked={showRetries} onChange={(event) => setShowRetries(event.target.checked)} />
                  Show {retryCount} {retryCount === 1 ? 'retry' : 'retries'}
                </label>
              ) : null}
              {toCheck.length > 0 ? (
                <span className="flag-count">
                  {toCheck.length} to check: {[...new Set(toCheck.map((f) => FLAG_LABEL[f.kind]))].join(', ')}
                </span>
              ) : (
                <span className="muted">nothing looks wrong</span>
              )}
            </>
          ) : null}
        </div>
        {data && data.keys.length > 0 ? (
          <ul className="timeline-keys" aria-label="Linked keys">
            {data.keys.map((key) => (
              <li key={`${key.kind}:${key.value}`} className={key.value === correlationKey ? 'current' : undefined}>
                <span className="muted">{key.kind}</span> <a href={hrefFor({ page: 'timeline', key: key.value })}>{key.value}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      {query.isPending ? (
        <Loading label="Building the timeline…" />
      ) : query.isError ? (
        <ErrorState error={query.error} />
      ) : data!.steps.length === 0 ? (
        <Empty>
          No delivery, session or replay mentions <code>{correlationKey}</code>. Keys are matched exactly: try the provider's session id, transaction id or your
          reference, or <a href={hrefFor({ page: 'inbox', params: new URLSearchParams({ q: correlationKey }) })}>search the bodies</a>.
          <IdSuggestionList text={correlationKey} match={lookup.current ? lookup.match : null} inbox={inboxParams} />
        </Empty>
      ) : (
        <>
          {data!.truncated ? (
            <p className="state state-warning" role="note">
              This key links more deliveries than one timeline shows; the newest are shown. A narrower key (a transaction id) gives the whole story.
            </p>
          ) : null}
          {data!.warnings.map((warning) => (
            <p key={warning} className="state state-warning" role="note">
              {warning}
            </p>
          ))}
          <ol className="timeline" data-testid="timeline-steps">
            {shown.map(({ step, retries, gapMs }) => (
              <TimelineStepItem key={step.key} step={step} flags={flagsByStep.get(step.key) ?? []} gapMs={gapMs} retries={retries} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
