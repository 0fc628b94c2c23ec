import type { ProviderEventTime } from '../../../src-shared/domain/normalized.js';

/** How the provider's event time was read, for the hover text: the field and any assumption. */
export function providerTimeSource(time: ProviderEventTime): string {
  return `Read from ${time.field}${time.note ? ` (${time.note})` : ''}`;
}
