import type { ReactNode } from 'react';
import type { DeliverySummary } from '../../../src-shared/domain/delivery.js';
import { ProviderTag, StatusBadge, VerificationBadge } from '../../ui/Badges.js';
import { formatBytes } from '../../ui/format.js';
import { maskIfParty } from '../../ui/mask.js';
import { Time } from '../../ui/Time.js';

/** One inbox column: its header, its cell's class (widths are in styles.css), and what a delivery shows in it. */
export interface InboxColumn {
  id: string;
  header: string;
  className: string;
  title?(delivery: DeliverySummary): string | undefined;
  cell(delivery: DeliverySummary): ReactNode;
}

export const INBOX_COLUMNS: readonly InboxColumn[] = [
  {
    id: 'provider',
    header: 'Provider',
    className: 'provider-cell',
    cell: (d) => (
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
    title: (d) => d.eventType ?? undefined,
    cell: (d) => d.eventType ?? (d.rejected ? `rejected (${d.rejected.httpStatus})` : <span className="muted">{d.parseError ? 'unreadable body' : '—'}</span>),
  },
  { id: 'status', header: 'Status', className: 'status-cell', cell: (d) => <StatusBadge status={d.status} /> },
  { id: 'amount', header: 'Amount', className: 'amount-cell', cell: (d) => (d.amount ? `${d.amount.value} ${d.amount.currency ?? ''}` : '') },
  { id: 'reference', header: 'Reference', className: 'reference-cell', cell: (d) => (d.reference ? maskIfParty(d.reference) : '') },
  { id: 'received', header: 'Received', className: 'time-cell', cell: (d) => <Time iso={d.receivedAt} mode="both" /> },
  { id: 'size', header: 'Size', className: 'size-cell', cell: (d) => formatBytes(d.size) },
  {
    id: 'signature',
    header: 'Signature',
    className: 'verification-cell',
    cell: (d) => (
      <>
        <VerificationBadge status={d.verification} />
        {d.duplicateOf ? (
          <span className="badge duplicate" title={`Duplicate of ${d.duplicateOf}`}>
            dup
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
];
