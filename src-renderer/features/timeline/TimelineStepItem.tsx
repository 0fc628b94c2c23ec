import type { TimelineEntry, TimelineFlag } from '../../../src-shared/contract/timeline.js';
import { hrefFor } from '../../app/router.js';
import { ProviderTag, StatusBadge } from '../../ui/Badges.js';
import { keyed } from '../../ui/keys.js';
import { Time } from '../../ui/Time.js';
import { FLAG_LABEL, formatGap, LONG_GAP_MS, providerTimeTitle, STEP_KIND_LABEL } from './timeline-words.js';

/**
 * One step on the vertical timeline, with the gap before it (since the step drawn before it) and
 * what looks wrong about it; "×3" when three retries are collapsed under it.
 */
export function TimelineStepItem({ step, flags, gapMs, retries }: { step: TimelineEntry; flags: TimelineFlag[]; gapMs: number | null; retries: number }) {
  const title = step.deliveryId ? (
    <a href={hrefFor({ page: 'delivery', id: step.deliveryId })}>{step.title}</a>
  ) : step.sessionId && step.kind === 'session' ? (
    <a href={hrefFor({ page: 'session', id: step.sessionId })}>{step.title}</a>
  ) : (
    step.title
  );
  return (
    <li className={`timeline-step outcome-${step.outcome}${flags.length ? ' flagged' : ''}`} data-step-key={step.key}>
      {gapMs !== null ? (
        <div className={`timeline-gap${gapMs >= LONG_GAP_MS ? ' long' : ''}`}>
          +{formatGap(gapMs)}
          <span className="visually-hidden"> later</span>
        </div>
      ) : null}
      <div className="timeline-dot" aria-hidden />
      <div className="timeline-card">
        <div className="timeline-card-head">
          <span className="step-kind">{STEP_KIND_LABEL[step.kind]}</span>
          {step.provider ? <ProviderTag provider={step.provider} /> : null}
          <strong className="step-title">{title}</strong>
          {retries > 0 ? (
            <span className="badge retries" title={`${retries} ${retries === 1 ? 'retry' : 'retries'} of this delivery`} data-testid="step-retries">
              ×{retries}
              <span className="visually-hidden"> {retries === 1 ? 'retry' : 'retries'}</span>
            </span>
          ) : null}
          {step.retryOf ? <span className="badge retry">retry</span> : null}
          {step.status && step.flags.includes('failed_signature') ? (
            // What an unverified event claims is not a status: never the colour of a real one.
            <span className="badge claimed" title="Reported by an event whose signature did not verify: it does not count">
              {step.status.replace('_', ' ')}, unverified
            </span>
          ) : (
            <StatusBadge status={step.status} />
          )}
          <span className="spacer" />
          <Time iso={step.at} mode="absolute" />
        </div>
        <div className="timeline-card-body">
          {step.amount ? (
            <span className="amount">
              {step.amount.value} {step.amount.currency ?? ''}
            </span>
          ) : null}
          {step.providerTime ? (
            <span className="muted provider-time" title={providerTimeTitle(step.providerTime)} data-testid="step-provider-time">
              provider time: {step.providerTime.received}
            </span>
          ) : null}
          {step.statusAfter ? (
            <span className="muted status-after">
              verified status after: <StatusBadge status={step.statusAfter} />
            </span>
          ) : null}
        </div>
        {step.detail ? <p className="step-detail">{step.detail}</p> : null}
        {step.link ? (
          <p className="step-detail">
            <a href={step.link} target="_blank" rel="noreferrer">
              Open in block explorer
            </a>
          </p>
        ) : null}
        {keyed(flags, (f) => `${f.kind}:${f.message}`).map(({ key, item: flag }) => (
          <p key={key} className={`step-flag flag-${flag.kind}`} role="note">
            <span className="badge flag-badge">{FLAG_LABEL[flag.kind]}</span> {flag.message}
          </p>
        ))}
      </div>
    </li>
  );
}
