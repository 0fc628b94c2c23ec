import { useQuery } from '@tanstack/react-query';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';
import { useTransport } from '../../transport/context.js';
import { useNow } from '../../ui/clock.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { Time } from '../../ui/Time.js';
import { useRefreshOnDeliveries } from '../timeline/useTimeline.js';
import { failedSendsCell, failedSignaturesCell, inboxHref, isQuiet, moreStuck, type NowCell, stuckLine } from './right-now-words.js';

function useRightNow() {
  const transport = useTransport();
  useRefreshOnDeliveries('dashboard-now');
  return useQuery({ queryKey: ['dashboard-now'], queryFn: () => transport.call('dashboard.now', {}), placeholderData: (previous) => previous });
}

function Cell({ cell }: { cell: NowCell }) {
  return cell.href ? (
    <a href={cell.href} className={`now-${cell.tone}`}>
      {cell.text}
    </a>
  ) : (
    <span className={`now-${cell.tone}`}>{cell.text}</span>
  );
}

/** Per provider, right now: since its last delivery, what failed lately, which payments wait too long; each opens what it counts. */
export function RightNowStrip() {
  const query = useRightNow();
  const now = useNow(true);
  if (query.isPending) return <Loading label="Reading what is happening now…" />;
  if (query.isError) return <ErrorState error={query.error} />;
  const data = query.data;
  const stuckHours = Math.round(data.stuckAfterMs / 3_600_000);
  return (
    <section className="panel right-now" aria-labelledby="right-now-title">
      <h3 id="right-now-title">Right now</h3>
      <table className="right-now-table">
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Last delivery</th>
            <th scope="col">Failed signatures, last hour</th>
            <th scope="col">Failed replays, last 24 h</th>
            <th scope="col">Stuck payments</th>
          </tr>
        </thead>
        <tbody>
          {data.providers.map((p) => {
            const more = moreStuck(p, data);
            return (
              <tr key={p.provider} className={isQuiet(p) ? 'quiet' : undefined} data-provider={p.provider}>
                <th scope="row">{providerCatalogue[p.provider].displayName}</th>
                <td>
                  {p.lastDeliveryAt ? (
                    <a href={inboxHref({ provider: p.provider })}>
                      <Time iso={p.lastDeliveryAt} />
                    </a>
                  ) : (
                    <span className="now-muted">none yet</span>
                  )}
                </td>
                <td>
                  <Cell cell={failedSignaturesCell(p, data)} />
                </td>
                <td>
                  <Cell cell={failedSendsCell(p)} />
                </td>
                <td>
                  {p.stuck.count === 0 ? (
                    <span className="now-muted">none</span>
                  ) : (
                    <ul className="stuck-list">
                      {p.stuck.oldest.map((payment) => {
                        const line = stuckLine(payment, now);
                        return (
                          <li key={payment.reference}>
                            <a href={line.href} className="now-warning">
                              {line.text}
                            </a>
                          </li>
                        );
                      })}
                      {more ? (
                        <li>
                          <Cell cell={more} />
                        </li>
                      ) : null}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted right-now-note">
        Stuck: the payment's last event left it open (pending, confirming, on hold…) and nothing came for {stuckHours === 1 ? 'an hour' : `${stuckHours} h`} or
        more; payments heard of in the last two days.
      </p>
    </section>
  );
}
