import type { PaymentHeadline } from '../../../src-shared/contract/timeline.js';
import { StatusBadge } from '../../ui/Badges.js';
import { Time } from '../../ui/Time.js';

/**
 * The one line on top of a timeline, as the main process worked it out: where the payment
 * stands by verified provider events, what an unverified one claims, the amount, what to do.
 */
export function HeadlineBanner({ headline }: { headline: PaymentHeadline }) {
  const { state, since, claimed, amount, actions } = headline;
  return (
    <section
      className={`payment-headline tone-${headline.tone}`}
      aria-label="Where the payment stands"
      data-testid="payment-headline"
      data-tone={headline.tone}
    >
      <p className="headline-summary" data-testid="headline-summary">
        {headline.summary}
      </p>
      <dl className="headline-facts">
        <div>
          <dt>Verified status</dt>
          <dd>
            {state ? (
              <>
                <StatusBadge status={state} />
                {since ? (
                  <>
                    {' '}
                    since <Time iso={since} mode="both" />
                  </>
                ) : null}
              </>
            ) : (
              <span className="muted">none yet</span>
            )}
          </dd>
        </div>
        {claimed ? (
          <div>
            <dt>Claimed, unverified</dt>
            <dd>
              <span className="badge claimed" title="Reported by an event whose signature did not verify: it does not count">
                {claimed.status.replace('_', ' ')}
              </span>{' '}
              <Time iso={claimed.at} mode="both" />
            </dd>
          </div>
        ) : null}
        {amount ? (
          <div>
            <dt>Amount</dt>
            <dd className="amount" data-testid="headline-amount">
              {amount.value} {amount.currency ?? ''}
              {amount.changedFrom ? (
                <span className="amount-changed">
                  {' '}
                  changed, was {amount.changedFrom.value} {amount.changedFrom.currency ?? ''}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {actions.length > 0 ? (
        <ul className="headline-actions" aria-label="What to do">
          {actions.map((action) => (
            <li key={action}>{action}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
