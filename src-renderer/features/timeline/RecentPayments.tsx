import { ProviderTag } from '../../ui/Badges.js';
import { ErrorState } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { timelineHref } from './id-match.js';
import { RECENT_DELIVERIES } from './recent-payments.js';
import { useRecentPayments } from './useIdSuggestions.js';

/** How many payments are listed. */
const SHOWN = 12;

/** The payments the latest deliveries belong to, each opening its timeline: where to start before an id is typed. */
export function RecentPayments() {
  const { payments, error } = useRecentPayments(SHOWN);
  if (error) return <ErrorState error={error} />;
  if (!payments || payments.length === 0) return null;
  return (
    <section className="recent-payments" aria-labelledby="recent-payments-title">
      <h3 id="recent-payments-title">Recently active payments</h3>
      <table>
        <caption className="muted">By the reference of the latest {RECENT_DELIVERIES} deliveries, newest first.</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Provider</th>
            <th scope="col">Last event</th>
            <th scope="col">Deliveries</th>
            <th scope="col">Last delivery</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => (
            <tr key={payment.key}>
              <td className="recent-payment-key">
                <a href={timelineHref(payment.key)}>{payment.key}</a>
              </td>
              <td>
                <ProviderTag provider={payment.provider} />
              </td>
              <td>{payment.lastEvent ?? <span className="muted">none</span>}</td>
              <td className="number">{payment.deliveries}</td>
              <td>
                <Time iso={payment.lastAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
