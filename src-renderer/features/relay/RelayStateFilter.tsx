import { RelayStateFilter as States, type RelayStateFilter } from '../../../src-shared/relay/states.js';
import { RELAY_STATE_LABEL } from './relay-words.js';

/** The inbox's relay filter: where relaying relayed deliveries stands. */
export function RelayStateSelect({ value, onChange }: { value: RelayStateFilter | undefined; onChange(next: RelayStateFilter | undefined): void }) {
  return (
    <select
      aria-label="Relay"
      title="Deliveries relayed to the merchant's backend"
      value={value ?? ''}
      onChange={(event) => onChange((event.target.value || undefined) as RelayStateFilter | undefined)}
    >
      <option value="">Any relay state</option>
      {States.options.map((state) => (
        <option key={state} value={state}>
          {RELAY_STATE_LABEL[state]}
        </option>
      ))}
    </select>
  );
}
