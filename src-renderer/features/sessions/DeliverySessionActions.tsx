import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import { TxLookupButton, TxLookupResult } from './TxLookupView.js';
import { useDeliveryLookups } from './useSessions.js';

/** In the delivery view: the withdraw tx hash lookup for an InstaXchange webhook that carries Withdraw_tx_ID. */
export function DeliverySessionActions({ delivery }: { delivery: DeliveryDetail }) {
  const withdrawTxId = delivery.provider === 'instaxchange' ? delivery.correlationKeys.find((k) => k.kind === 'withdrawTxId')?.value : undefined;
  if (!withdrawTxId) return null;
  return <WithdrawLookupPanel deliveryId={delivery.id} withdrawTxId={withdrawTxId} />;
}

function WithdrawLookupPanel({ deliveryId, withdrawTxId }: { deliveryId: string; withdrawTxId: string }) {
  const earlier = useDeliveryLookups(deliveryId);
  return (
    <section className="normalized-panel" aria-label="Withdraw tx hash">
      <h3>Blockchain hash</h3>
      <p className="muted">
        Withdraw tx <code>{withdrawTxId}</code>
      </p>
      <TxLookupButton deliveryId={deliveryId} />
      {earlier.data?.items.map((lookup) => (
        <TxLookupResult key={lookup.id} lookup={lookup} />
      ))}
    </section>
  );
}
