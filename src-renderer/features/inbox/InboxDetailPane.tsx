import { hrefFor } from '../../app/router.js';
import { DeliveryView } from '../delivery/DeliveryView.js';

/**
 * The selected delivery beside the list (below it on narrow windows): j/k move it, Escape or
 * Close hide it, and its own page is one link away.
 */
export function InboxDetailPane({ id, listParams, onClose }: { id: string; listParams: URLSearchParams; onClose(): void }) {
  return (
    <section className="inbox-pane" aria-label="Selected delivery" data-testid="inbox-pane" data-delivery-id-shown={id}>
      <div className="pane-bar">
        <a href={hrefFor({ page: 'delivery', id, params: listParams })}>Open on its own page ↗</a>
        <span className="keyboard-hint">
          <kbd>j</kbd>/<kbd>k</kbd> next · <kbd>Esc</kbd> close
        </span>
        <button type="button" onClick={onClose} aria-label="Close the detail pane">
          Close
        </button>
      </div>
      <DeliveryView id={id} />
    </section>
  );
}
