import type { DeliveryDetail } from '../../../src-shared/domain/delivery.js';
import { isCredentialHeader } from '../../../src-shared/domain/credential-headers.js';

/**
 * The delivery as a JSON document: every stored field, the body both as text (when UTF-8) and
 * as base64 (always: the exact bytes). The body text is a string, so its numbers stay as sent.
 * `maskedHeaders` names the headers whose values are masked (none once the user revealed them).
 */
export function deliveryExport(delivery: DeliveryDetail, options: { credentialsMasked: boolean } = { credentialsMasked: true }): string {
  const maskedHeaders = options.credentialsMasked ? delivery.headers.map(([name]) => name).filter(isCredentialHeader) : [];
  return JSON.stringify({ format: 'gatewatch.delivery/1', exportedAt: new Date().toISOString(), maskedHeaders, delivery }, null, 2);
}

/** Offers a text as a file download (works in the sandboxed window and in a browser). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
