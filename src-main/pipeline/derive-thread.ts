/**
 * The derivation thread: parses, verifies, normalizes and correlates batches of deliveries with
 * the built-in adapters, and packs their stored forms, so that this CPU work runs beside the
 * main thread's SQLite writes.
 */
import { parentPort } from 'node:worker_threads';
import { providerAdapters } from '../providers/registry.js';
import { deriveBatch } from './deriver.js';
import { errorText } from './error-text.js';
import { packDelivery } from '../store/codec/delivery-forms.js';
import type { DeriveReply, DeriveRequest } from './thread-protocol.js';

const port = parentPort;
if (!port) throw new Error('derive-thread runs as a worker thread');

async function answer(request: DeriveRequest): Promise<DeriveReply> {
  const errors: string[] = [];
  const derived = await deriveBatch(
    // A structured clone turns Buffers into plain Uint8Arrays; adapters read either.
    request.batch,
    {
      adapterFor: (provider) => (provider === 'unknown' ? undefined : providerAdapters[provider]),
      webhookSecrets: async (provider) => {
        const entry = request.secrets[provider];
        if (!entry) return [];
        if ('error' in entry) throw new Error(entry.error);
        return entry.secrets;
      },
    },
    (error) => errors.push(errorText(error)),
  );
  // Packing (deflate) costs about as much as deriving: done here, the store's thread only writes.
  const packed = derived.map((fields, index) => ({ ...fields, packed: packDelivery(request.batch[index]!, fields) }));
  return { id: request.id, derived: packed, errors };
}

port.on('message', (request: DeriveRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
