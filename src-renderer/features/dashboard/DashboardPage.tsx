import { useState } from 'react';
import { DashboardRange } from '../../../src-shared/contract/timeline.js';
import { hrefFor } from '../../app/router.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { CountsChart } from './CountsChart.js';
import { ListenerCard } from './ListenerCard.js';
import { RightNowStrip } from './RightNowStrip.js';
import { RelayRoutesCard } from '../relay/RelayRoutesCard.js';
import { useDashboard } from './useDashboard.js';
import type { ChartDimension } from './chart-model.js';
import './dashboard.css';

const RANGE_LABEL: Record<DashboardRange, string> = { '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' };

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(rate > 0 && rate < 0.01 ? 2 : 1)} %`);

/** Traffic at a glance: what is happening now per provider, deliveries per provider and status over time, failed signatures, the listener. */
export function DashboardPage() {
  const [range, setRange] = useState<DashboardRange>('24h');
  const [dimension, setDimension] = useState<ChartDimension>('byProvider');
  const query = useDashboard(range);
  const data = query.data;
  const invalid = data?.verification.byStatus.invalid ?? 0;
  const noSecret = (data?.verification.byStatus['no-secret'] ?? 0) + (data?.verification.byStatus.unsupported ?? 0);
  const unsigned = data?.verification.byStatus.unsigned ?? 0;
  return (
    <section className="dashboard" aria-label="Dashboard">
      <h2 className="dashboard-title">Dashboard</h2>
      <RightNowStrip />
      <div className="dashboard-toolbar">
        <h3>Over time</h3>
        <select aria-label="Range" value={range} onChange={(event) => setRange(DashboardRange.parse(event.target.value))}>
          {DashboardRange.options.map((r) => (
            <option key={r} value={r}>
              {RANGE_LABEL[r]}
            </option>
          ))}
        </select>
        <div role="tablist" aria-label="Split by">
          {(
            [
              ['byProvider', 'By provider'],
              ['byStatus', 'By status'],
            ] as const
          ).map(([value, label]) => (
            <button key={value} type="button" role="tab" aria-selected={dimension === value} onClick={() => setDimension(value)}>
              {label}
            </button>
          ))}
        </div>
        {query.isFetching && data ? <span className="muted">updating…</span> : null}
      </div>
      <div className="stat-cards">
        <div className="panel stat-card">
          <span className="stat-label">Deliveries</span>
          <span className="stat-value" data-testid="stat-deliveries">
            {data ? data.totals.deliveries.toLocaleString() : '…'}
          </span>
        </div>
        <div className={`panel stat-card${invalid > 0 ? ' bad' : ''}`}>
          <span className="stat-label">Signature failure rate</span>
          <span className="stat-value" data-testid="stat-failure-rate">
            {data ? percent(data.verification.failureRate) : '…'}
          </span>
          <span className="muted">
            {data ? (
              invalid > 0 ? (
                <a href={hrefFor({ page: 'inbox', params: new URLSearchParams({ verification: 'invalid', since: data.from }) })}>
                  {invalid.toLocaleString()} failed of {((data.verification.byStatus.valid ?? 0) + invalid).toLocaleString()} checked
                </a>
              ) : (
                `${(data.verification.byStatus.valid ?? 0).toLocaleString()} checked, none failed`
              )
            ) : (
              ' '
            )}
          </span>
        </div>
        <div className={`panel stat-card${noSecret > 0 ? ' warn' : ''}`}>
          <span className="stat-label">Not checked: no secret set</span>
          <span className="stat-value" data-testid="stat-no-secret">
            {data ? noSecret.toLocaleString() : '…'}
          </span>
          <span className="muted">
            {data && noSecret > 0 ? (
              <>
                Configuration: add the webhook secret under <a href="#/settings">Settings</a> ·{' '}
                <a href={hrefFor({ page: 'inbox', params: new URLSearchParams({ verification: 'no-secret', since: data.from }) })}>show them</a>
              </>
            ) : (
              'Configuration: every provider that sent has a secret'
            )}
          </span>
        </div>
        <div className={`panel stat-card${unsigned > 0 ? ' warn' : ''}`}>
          <span className="stat-label">Not checked: unsigned</span>
          <span className="stat-value" data-testid="stat-unsigned">
            {data ? unsigned.toLocaleString() : '…'}
          </span>
          <span className="muted">
            {data && unsigned > 0 ? (
              <>
                Security: they carry no signature, so anyone could have sent them ·{' '}
                <a href={hrefFor({ page: 'inbox', params: new URLSearchParams({ verification: 'unsigned', since: data.from }) })}>show them</a>
              </>
            ) : (
              'Security: every delivery carried a signature'
            )}
          </span>
        </div>
      </div>
      <div className="panel chart-panel">
        {query.isPending ? (
          <Loading label="Counting deliveries…" />
        ) : query.isError ? (
          <ErrorState error={query.error} />
        ) : (
          <CountsChart data={data!} dimension={dimension} />
        )}
      </div>
      <RelayRoutesCard />
      <ListenerCard />
    </section>
  );
}
