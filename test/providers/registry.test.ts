import { describe, it, expect } from 'vitest';
import { getAdapter, providerAdapters } from '../../src-main/providers/registry.js';
import { providerIds } from '../../src-shared/domain/provider.js';
import { eventTypes, providerCatalogue, statusMappings } from '../../src-shared/providers/index.js';
import { NormalizedStatus } from '../../src-shared/domain/normalized.js';

describe('registry and catalogue', () => {
  it('has one adapter, catalogue entry and status table per provider id', () => {
    for (const id of providerIds) {
      expect(getAdapter(id).id).toBe(id);
      expect(providerAdapters[id]).toBe(getAdapter(id));
      expect(providerCatalogue[id].displayName.length).toBeGreaterThan(0);
      expect(eventTypes[id].length).toBeGreaterThan(0);
      for (const m of statusMappings[id]) expect(NormalizedStatus.safeParse(m.status).success).toBe(true);
    }
  });

  it('sign → verify round-trips for every adapter, matching the first candidate tried', () => {
    const body = Buffer.from('{"b":"Zoë","a":{"url":"https://x.example/y"},"amount":170.00}');
    for (const id of providerIds) {
      const adapter = getAdapter(id);
      const secret = { label: 'only', value: 'round-trip-secret', key: 'pk' };
      const result = adapter.verify({ headers: Object.entries(adapter.signWebhook(body, secret)), body }, [secret]);
      expect(result.status, id).toBe('valid');
      expect(result.matched, id).toBe(result.candidatesTried[0]);
    }
  });
});
