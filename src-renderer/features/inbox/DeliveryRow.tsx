import type { DeliverySummary } from '../../../src-shared/domain/delivery.js';
import { StatusBadge, VerificationBadge, ProviderTag } from '../../ui/Badges.js';
import { Time } from '../../ui/Time.js';
import { formatBytes } from '../../ui/format.js';
import { maskIfParty } from '../../ui/mask.js';

export function DeliveryRow({ delivery, selected, onOpen }: { delivery: DeliverySummary; selected: boolean; onOpen: () => void }) {
  return (
    <div
      className={`inbox-row${selected ? ' selected' : ''}`}
      role="row"
      aria-selected={selected}
      data-delivery-id={delivery.id}
      onClick={onOpen}
    >
      <span className="cell provider-cell">
        <ProviderTag provider={delivery.provider} />
        {delivery.label ? <span className="label">/{delivery.label}</span> : null}
      </span>
      <span className="cell event-cell" title={delivery.eventType ?? undefined}>
        {delivery.eventType ?? (delivery.rejected ? `rejected (${delivery.rejected.httpStatus})` : <span className="muted">{delivery.parseError ? 'unreadable body' : '—'}</span>)}
      </span>
      <span className="cell status-cell">
        <StatusBadge status={delivery.status} />
      </span>
      <span className="cell amount-cell">{delivery.amount ? `${delivery.amount.value} ${delivery.amount.currency ?? ''}` : ''}</span>
      <span className="cell reference-cell">{delivery.reference ? maskIfParty(delivery.reference) : ''}</span>
      <span className="cell time-cell">
        <Time iso={delivery.receivedAt} mode="both" />
      </span>
      <span className="cell size-cell">{formatBytes(delivery.size)}</span>
      <span className="cell verification-cell">
        <VerificationBadge status={delivery.verification} />
        {delivery.duplicateOf ? (
          <span className="badge duplicate" title={`Duplicate of ${delivery.duplicateOf}`}>
            dup
          </span>
        ) : null}
        {delivery.parseError ? (
          <span className="badge parse-error" title={delivery.parseError}>
            !
          </span>
        ) : null}
      </span>
    </div>
  );
}
