import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { CopyLinkButton } from '../../ui/CopyLinkButton.js';
import { hrefFor } from '../../app/router.js';
import { useListenerStatus } from '../settings/useListener.js';
import { curlCommand } from './curl.js';
import { deliveryExport, downloadText } from './export.js';
import { useRevealedHeaders } from './useRevealedHeaders.js';

/**
 * Copy the request as cURL (aimed at our own listener, as the provider sent it) and export the
 * delivery: with the credential values as the headers table shows them (masked, or revealed).
 */
export function DeliveryActions({ delivery: received }: { delivery: DeliveryDetail }) {
  const revealed = useRevealedHeaders(received.id);
  const delivery = revealed ? { ...received, headers: revealed } : received;
  const masking = { credentialsMasked: revealed === null };
  const listener = useListenerStatus();
  // Until the listener's address is known, the command keeps a placeholder the user can edit.
  const base = listener.data?.localBaseUrl ?? 'http://127.0.0.1:8787';
  const rejected = delivery.rejected !== null;
  return (
    <div className="delivery-actions">
      <CopyLinkButton route={hrefFor({ page: 'delivery', id: delivery.id })} />
      {rejected ? null : <CopyButton text={curlCommand(delivery, base, masking)} label="Copy as cURL" />}
      <button type="button" onClick={() => downloadText(`${delivery.id}.json`, deliveryExport(delivery, masking))}>
        Export JSON
      </button>
    </div>
  );
}
