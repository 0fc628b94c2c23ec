/**
 * Issue 13.10: seed 004's overview says "your URL will receive notifications for the PROCESSING,
 * COMPLETE, and FAILED statuses": they are documented, not "not in the provider's documents".
 */
import { describe, expect, it } from 'vitest';
import { paychantAdapter } from '../../src-main/providers/paychant/index.js';
import { statusMappings } from '../../src-shared/providers/status-map.js';
import { eventTypes } from '../../src-shared/providers/event-types.js';
import { delivery } from './helpers.js';
import { paychantEvent } from './fixtures.js';

const overview = { PROCESSING: 'confirming', COMPLETE: 'completed', FAILED: 'failed' } as const;

describe('Paychant overview statuses', () => {
  for (const [code, status] of Object.entries(overview)) {
    it(`${code} is a documented event with no schema warning`, () => {
      const parsed = paychantAdapter.parse(delivery(JSON.stringify({ event: `WIDGET.${code}`, data: paychantEvent.data })));
      expect(parsed.eventType).toBe(code);
      expect(parsed.schemaIssues).toEqual([]);
      expect(paychantAdapter.normalize(parsed).status).toBe(status);
      expect(statusMappings.paychant.find((m) => m.value === code)).toMatchObject({ documented: true, status });
      expect(eventTypes.paychant.find((e) => e.type === code)?.documented).not.toBe(false);
    });
  }
});
