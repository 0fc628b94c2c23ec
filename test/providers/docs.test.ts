import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { statusMappings } from '../../src-shared/providers/status-map.js';
import { providerIds } from '../../src-shared/domain/provider.js';

describe('docs/providers.md', () => {
  const doc = readFileSync(new URL('../../docs/providers.md', import.meta.url), 'utf8');
  it('maps every provider status the adapters map, as they map it', () => {
    for (const id of providerIds) {
      for (const m of statusMappings[id]) {
        expect(doc, `${id} ${m.value}`).toContain(`| ${m.source} | \`${m.value}\` | \`${m.status}\` |`);
      }
    }
  });
});
