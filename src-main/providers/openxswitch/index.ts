import type { ProviderAdapter } from '../types.js';
import { canonicalEventType } from '../../../src-shared/providers/event-types.js';
import { parseDelivery } from '../shared/parse.js';
import { textAt } from '../shared/json-path.js';
import { openxswitchEnvelope, openxswitchEventSchemas } from './schemas.js';
import { signOpenxswitchWebhook, verifyOpenxswitch } from './recipe.js';
import { normalizeOpenxswitch, openxswitchCorrelationKeys } from './normalize.js';

export const openxswitchAdapter: ProviderAdapter = {
  id: 'openxswitch',
  parse: (delivery) =>
    parseDelivery(delivery, {
      envelope: openxswitchEnvelope,
      dataKey: 'params',
      eventSchemas: openxswitchEventSchemas,
      // `instant-swap.completed` (newer docs) is stored as `instant_swap.completed`.
      eventType: (json) => {
        const method = textAt(json, 'method');
        return method === null ? null : canonicalEventType('openxswitch', method);
      },
      eventId: (json) => textAt(json, 'requestId'),
    }),
  verify: verifyOpenxswitch,
  signWebhook: signOpenxswitchWebhook,
  normalize: normalizeOpenxswitch,
  correlationKeys: openxswitchCorrelationKeys,
};
