import type { ProviderAdapter } from '../types.js';
import { parseDelivery } from '../shared/parse.js';
import { textAt } from '../shared/json-path.js';
import { paychantCode, paychantEnvelope, paychantEventSchemas } from './schemas.js';
import { signPaychantWebhook, verifyPaychant } from './recipe.js';
import { normalizePaychant, paychantCorrelationKeys } from './normalize.js';

export const paychantAdapter: ProviderAdapter = {
  id: 'paychant',
  parse: (delivery) =>
    parseDelivery(delivery, {
      envelope: paychantEnvelope,
      dataKey: 'data',
      eventSchemas: paychantEventSchemas,
      eventType: (json) => paychantCode(textAt(json, 'event')),
      // No event id is documented: a transaction (pid) reaches each code once, so pid + code
      // identifies the event and its retries.
      eventId: (json) => {
        const pid = textAt(json, 'data', 'pid');
        const code = paychantCode(textAt(json, 'event'));
        return pid && code ? `${pid}:${code}` : null;
      },
    }),
  verify: verifyPaychant,
  signWebhook: signPaychantWebhook,
  normalize: normalizePaychant,
  correlationKeys: paychantCorrelationKeys,
};
