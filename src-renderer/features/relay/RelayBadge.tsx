import type { RelayStateFilter } from '../../../src-shared/relay/states.js';
import { RELAY_STATE_LABEL } from './relay-words.js';
import './relay.css';

/** An inbox row's relay state; nothing for a delivery no route covered. */
export function RelayBadge({ state }: { state: RelayStateFilter | null | undefined }) {
  if (!state) return null;
  return (
    <span className={`badge relay-state relay-${state}`} data-relay-state={state} title={`Relay to the merchant's backend: ${RELAY_STATE_LABEL[state]}`}>
      {RELAY_STATE_LABEL[state]}
    </span>
  );
}
