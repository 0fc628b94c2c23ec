import { useEffect } from 'react';
import { hrefFor, navigate } from '../../app/router.js';
import { useEscapeTo } from '../../ui/useEscapeTo.js';
import { pageKeyAction } from '../inbox/inbox-keys.js';
import { withSelected } from '../inbox/inbox-view.js';
import { DeliveryView } from './DeliveryView.js';
import { useDeliveryNeighbours } from './useDeliveryNeighbours.js';

const NO_PARAMS = new URLSearchParams();

/**
 * A delivery on its own page, opened from an inbox view (its filters and selection are in the
 * route): "← Inbox" and Escape go back to that view with this delivery selected; j/k and the
 * links go to the next and previous delivery of the same list.
 */
export function DeliveryPage({ id, params = NO_PARAMS }: { id: string; params?: URLSearchParams }) {
  const around = useDeliveryNeighbours(id, params);
  const inbox = { page: 'inbox', params: withSelected(params, id) } as const;
  const go = (to: string | null) => {
    if (to) navigate({ page: 'delivery', id: to, params }, true);
  };
  useEscapeTo(() => navigate(inbox));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = pageKeyAction(event, document.activeElement?.tagName);
      if (action?.kind !== 'move' || (action.move !== 'next' && action.move !== 'previous')) return;
      if (event.key !== 'j' && event.key !== 'k') return; // the arrows keep scrolling the page
      event.preventDefault();
      go(action.move === 'next' ? around.next : around.previous);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const step = (to: string | null, label: string, rel: 'prev' | 'next', key: string) =>
    to ? (
      <a
        href={hrefFor({ page: 'delivery', id: to, params })}
        rel={rel}
        onClick={(event) => {
          event.preventDefault();
          go(to);
        }}
      >
        {label} <kbd>{key}</kbd>
      </a>
    ) : (
      <span className="muted" aria-disabled="true">
        {label}
      </span>
    );
  return (
    <div className="delivery-page">
      <nav className="delivery-nav" aria-label="Deliveries">
        <a href={hrefFor(inbox)} className="back">
          ← Inbox
        </a>
        {around.index >= 0 ? (
          <span className="muted" data-testid="delivery-position">
            {around.index + 1} of {around.loaded}
            {around.complete ? '' : ' loaded'}
          </span>
        ) : null}
        {step(around.previous, '↑ Previous', 'prev', 'k')}
        {step(around.next, '↓ Next', 'next', 'j')}
        <span className="keyboard-hint">
          <kbd>Esc</kbd> back to the inbox
        </span>
      </nav>
      <DeliveryView id={id} />
    </div>
  );
}
