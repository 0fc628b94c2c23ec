import type { WebhookDelivery } from '../providers/types.js';
import { headerValue, utf8OrNull } from './body-text.js';

/**
 * What any webhook body can be checked for without knowing its provider: UTF-8, JSON, and a
 * JSON content-type. Used for deliveries to unknown paths; adapters report the same problems.
 */
export function describeBodyProblem(delivery: WebhookDelivery): string | null {
  if (delivery.body.byteLength === 0) return 'Empty body.';
  const text = utf8OrNull(delivery.body);
  if (text === null) return 'Body is not valid UTF-8 (shown as bytes).';
  try {
    JSON.parse(text);
  } catch (error) {
    return `Body is not valid JSON: ${(error as Error).message}.`;
  }
  const contentType = headerValue(delivery.headers, 'content-type');
  if (contentType !== undefined && !/\bjson\b/i.test(contentType)) {
    return `Body is JSON but the Content-Type is "${contentType}".`;
  }
  return null;
}
