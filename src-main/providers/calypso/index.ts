import type { ProviderAdapter } from '../types.js';
import { parseDelivery } from '../shared/parse.js';
import { textAt } from '../shared/json-path.js';
import { calypsoEnvelope, calypsoEventSchemas } from './schemas.js';
import { signCalypsoWebhook, verifyCalypso } from './recipe.js';
import { calypsoCorrelationKeys, calypsoEventType, normalizeCalypso } from './normalize.js';

export { signCalypsoBody, calypsoRequestHeaders } from './recipe.js';

export const calypsoAdapter: ProviderAdapter = {
  id: 'calypso',
  parse: (delivery) =>
    parseDelivery(delivery, {
      envelope: calypsoEnvelope,
      dataKey: 'data',
      eventSchemas: calypsoEventSchemas,
      eventType: calypsoEventType,
      // `id` is the event id; `requestId` is the subscription's and repeats across events.
      eventId: (json) => textAt(json, 'id'),
    }),
  verify: verifyCalypso,
  signWebhook: signCalypsoWebhook,
  normalize: normalizeCalypso,
  correlationKeys: calypsoCorrelationKeys,
};
