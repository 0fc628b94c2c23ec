import type { ReactNode } from 'react';
import type { DeliverySummary } from '../../../src-shared/domain/delivery.js';
import { ProviderTag, StatusBadge, VerificationBadge } from '../../ui/Badges.js';
import { formatBytes } from '../../ui/format.js';
import { maskIfParty } from '../../ui/mask.js';
import { Time } from '../../ui/Time.js';
import { RelayBadge } from '../relay/RelayBadge.js';

/** One row of the inbox as drawn: the delivery and how many retries are collapsed under it. */
export interface InboxRow {
  delivery: DeliverySummary;
  retries: number;
}

/**
 * One inbox column: its header, its cell's class, and what a row shows in it. `optional` columns
 * give way when the list is narrow (1: below 1100 px, 2: below 930 px, as in the split view);
 * the widths for each width of the list are in inbox.css.
 */
export interface InboxColumn {
  id: string;
  header: string;
  className: string;
  optional?: 1 | 2;
  title?(row: InboxRow): string | undefined;
  cell(row: InboxRow): ReactNode;
}

const retriesTitle = (n: number) => `${n} ${n === 1 ? 'retry' : 'retries'} of this delivery (listed with “Show retries”)`;

/** The signature early: it decides whether anything else in the row can be trusted. */
export const INBOX_COLUMNS: readonly InboxColumn[] = [
  {
    id: 'provider',
    header: 'Provider',
    className: 'provider-cell',
    cell: ({ delivery: d }) => (
      <>
        <ProviderTag provider={d.provider} />
        {d.label ? <span className="label">/{d.label}</span> : null}
      </>
    ),
  },
  {
    id: 'event',
    header: 'Event',
    className: 'event-cell',
    title: ({ delivery: d, retries }) => [d.eventType, retries > 0 ? retriesTitle(retries) : null].filter(Boolean).join(' · ') || undefined,
    cell: ({ delivery: d, retries }) => (
      <>
        <RelayBadge state={d.relayState} />
        <span className="event-name">
          {d.eventType ?? (d.rejected ? `rejected (${d.rejected.httpStatus})` : <span className="muted">{d.parseError ? 'unreadable body' : '—'}</span>)}
        </span>
        {retries > 0 ? (
          <span className="badge retries" data-testid="row-retries">
            ×{retries}
            <span className="visually-hidden"> {retries === 1 ? 'retry' : 'retries'}</span>
          </span>
        ) : null}
      </>
    ),
  },
  {
    id: 'signature',
    header: 'Signature',
    className: 'verification-cell',
    cell: ({ delivery: d }) => (
      <>
        <VerificationBadge status={d.verification} secretLabel={d.secretLabel} />
        {d.duplicateOf ? (
          <span className="badge duplicate" title={`Retry of ${d.duplicateOf} (same event id or identical body)`}>
            retry
          </span>
        ) : null}
        {d.parseError ? (
          <span className="badge parse-error" title={d.parseError}>
            !
          </span>
        ) : null}
      </>
    ),
  },
  { id: 'status', header: 'Status', className: 'status-cell', cell: ({ delivery: d }) => <StatusBadge status={d.status} /> },
  {
    id: 'amount',
    header: 'Amount',
    className: 'amount-cell',
    optional: 2,
    cell: ({ delivery: d }) => (d.amount ? `${d.amount.value} ${d.amount.currency ?? ''}` : ''),
  },
  {
    id: 'reference',
    header: 'Reference',
    className: 'reference-cell',
    optional: 2,
    title: ({ delivery: d }) => (d.reference ? maskIfParty(d.reference) : undefined),
    cell: ({ delivery: d }) => (d.reference ? maskIfParty(d.reference) : ''),
  },
  { id: 'received', header: 'Received', className: 'time-cell', cell: ({ delivery: d }) => <Time iso={d.receivedAt} mode="both" /> },
  { id: 'size', header: 'Size', className: 'size-cell', optional: 1, cell: ({ delivery: d }) => formatBytes(d.size) },
];

/** The class a column's cells (and header) carry. */
export const columnClass = (column: InboxColumn) => `cell ${column.className}${column.optional ? ` optional-${column.optional}` : ''}`;
