import type { ProviderAdapter } from '../types.js';
import { parseDelivery } from '../shared/parse.js';
import { textAt } from '../shared/json-path.js';
import { instaxchangeEnvelope, instaxchangeEventSchemas } from './schemas.js';
import { signInstaxchangeWebhook, verifyInstaxchange } from './recipe.js';
import { instaxchangeCorrelationKeys, instaxchangeEventId, normalizeInstaxchange } from './normalize.js';

export const instaxchangeAdapter: ProviderAdapter = {
  id: 'instaxchange',
  parse: (delivery) =>
    parseDelivery(delivery, {
      envelope: instaxchangeEnvelope,
      dataKey: 'data',
      eventSchemas: instaxchangeEventSchemas,
      // The payload has no event type field: the session outcome (`data.status`) is the event.
      eventType: (json) => textAt(json, 'data', 'status'),
      eventId: instaxchangeEventId,
    }),
  verify: verifyInstaxchange,
  signWebhook: signInstaxchangeWebhook,
  normalize: normalizeInstaxchange,
  correlationKeys: instaxchangeCorrelationKeys,
};
