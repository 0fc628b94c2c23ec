/**
 * Imported requests become stored deliveries through the store's normal insert, flagged with
 * where they came from; the derivation worker then verifies, normalizes and correlates them like
 * anything the listener received, so they can be put on a timeline and replayed.
 */
import { createHash } from 'node:crypto';
import type { DeliveryImportInput, DeliveryImportOutput } from '../../../src-shared/contract/interop.js';
import { ApiError } from '../../../src-shared/contract/errors.js';
import type { DeliveryOrigin } from '../../../src-shared/domain/origin.js';
import type { ProviderId } from '../../../src-shared/domain/provider.js';
import type { DeliveryStore, NewDelivery } from '../../store/types.js';
import { newId } from '../../store/ids.js';
import { routeWebhookPath } from '../../listener/routes.js';
import { ImportError, parseCurlCommand, type ImportedRequest } from './curl-command.js';
import { parseHar } from './har-import.js';

export interface ImportDeps {
  deliveries: DeliveryStore;
  /** Called with the new ids once they are stored (push them, start derivation). */
  onStored(ids: string[]): void;
  now?: () => Date;
}

export function toNewDelivery(
  request: ImportedRequest,
  origin: Omit<DeliveryOrigin, 'url' | 'kind'>,
  options: { provider?: ProviderId; receivedAt: string },
): NewDelivery {
  const url = new URL(request.url);
  const routed = routeWebhookPath(url.pathname);
  const route = routed.provider === 'unknown' && options.provider ? { provider: options.provider, label: null } : routed;
  const body = request.body;
  return {
    id: newId('dlv'),
    provider: route.provider,
    label: route.label,
    receivedAt: options.receivedAt,
    method: request.method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers: request.headers,
    body: body ?? new Uint8Array(),
    size: body?.byteLength ?? 0,
    bodySha256: createHash('sha256')
      .update(body ?? new Uint8Array())
      .digest('hex'),
    remoteAddress: null,
    forwarded: null,
    rejected: null,
    origin: { kind: 'imported', url: request.url, ...origin },
  };
}

export async function importDeliveries(deps: ImportDeps, input: DeliveryImportInput): Promise<DeliveryImportOutput> {
  const now = (deps.now?.() ?? new Date()).toISOString();
  let batch: NewDelivery[];
  let skipped: DeliveryImportOutput['skipped'] = [];
  try {
    if (input.curl !== undefined) {
      const request = parseCurlCommand(input.curl);
      batch = [toNewDelivery(request, { format: 'curl', source: 'a pasted cURL command', importedAt: now }, { provider: input.provider, receivedAt: now })];
    } else {
      const har = parseHar(input.har ?? '');
      skipped = har.skipped;
      const file = input.fileName ?? 'a HAR file';
      batch = har.requests.map((request) =>
        toNewDelivery(
          request,
          { format: 'har', source: `${file}, entry ${request.index + 1}`, importedAt: now },
          { provider: input.provider, receivedAt: request.startedAt ?? now },
        ),
      );
    }
  } catch (error) {
    if (error instanceof ImportError) throw new ApiError('bad_request', `Nothing was imported: ${error.message}.`);
    throw error;
  }
  if (batch.length === 0) {
    throw new ApiError(
      'bad_request',
      `Nothing was imported: no entry of the HAR file could be read (${skipped.map((s) => `entry ${s.entry + 1}: ${s.reason}`).join('; ')}).`,
    );
  }
  await deps.deliveries.insertBatch(batch);
  deps.onStored(batch.map((d) => d.id));
  return {
    imported: batch.map((d) => ({ id: d.id, provider: d.provider, method: d.method, url: d.origin!.url })),
    skipped,
  };
}
