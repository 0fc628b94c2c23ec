import type { ProviderAdapter } from '../types.js';
import { parseDelivery } from '../shared/parse.js';
import { textAt } from '../shared/json-path.js';
import { instapDepositEvent } from './schemas.js';
import { signInstapWebhook, verifyInstap } from './recipe.js';
import { instapCorrelationKeys, instapEventId, normalizeInstap } from './normalize.js';

export { instapPayloadHash, instapRequestHeaders } from './recipe.js';

export const instapAdapter: ProviderAdapter = {
  id: 'instap',
  parse: (delivery) =>
    parseDelivery(delivery, {
      envelope: instapDepositEvent,
      eventType: (json) => textAt(json, 'objectType'),
      eventId: instapEventId,
    }),
  verify: verifyInstap,
  signWebhook: signInstapWebhook,
  normalize: normalizeInstap,
  correlationKeys: instapCorrelationKeys,
};
