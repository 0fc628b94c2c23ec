/**
 * docs/providers.md has, per provider, a "Seed coverage" table: every header, event, status,
 * field and call the seed names, where it is handled and the test that covers it. This checks
 * that the files it names exist, that every documented event type has a row, and (when the seed
 * documents are beside the repository, ../shared/seeds) that every name the seeds use has one.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventTypes } from '../../src-shared/providers/event-types.js';
import type { ProviderId } from '../../src-shared/domain/provider.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${root}docs/providers.md`, 'utf8');
const seedsDir = process.env.GATEWATCH_SEEDS ?? `${root}../shared/seeds`;
const seedsPresent = existsSync(`${seedsDir}/README.md`);
if (!seedsPresent) console.warn(`seed documents not found at ${seedsDir} (set GATEWATCH_SEEDS): seed-name coverage skipped`);

const HEADINGS: Record<ProviderId, string> = {
  instaxchange: '## InstaXchange',
  instap: '## Instap',
  openxswitch: '## OpenXSwitch',
  calypso: '## Calypso',
  paychant: '## Paychant',
};

/** The provider's "### Seed coverage" table, up to the next provider. */
function coverage(provider: ProviderId): string {
  const start = doc.indexOf(`\n${HEADINGS[provider]}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end === -1 ? undefined : end);
  const table = section.indexOf('### Seed coverage');
  expect(table, `${provider} has a Seed coverage table`).toBeGreaterThan(0);
  return section.slice(table);
}

/** Every text in backticks (a name written inside a longer span counts too). */
const spans = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const hasRow = (text: string, name: string) => spans(text).some((span) => span === name || span.split(/[\s,/()]+/).includes(name));

const providers = Object.keys(HEADINGS) as ProviderId[];

describe('docs/providers.md seed coverage tables', () => {
  it('name only files that exist', () => {
    for (const provider of providers) {
      const paths = spans(coverage(provider)).filter((s) => /^(src-main|src-shared|src-renderer|test)\/\S+\.tsx?$/.test(s));
      expect(paths.length, provider).toBeGreaterThan(5);
      for (const path of paths) expect(existsSync(`${root}${path}`), `${provider}: ${path}`).toBe(true);
    }
  });

  it('have a row for every event type the seeds document', () => {
    const seedEvents: Record<ProviderId, string[]> = {
      instaxchange: eventTypes.instaxchange.filter((e) => e.documented !== false).map((e) => e.type),
      instap: ['depositEventObject'],
      openxswitch: ['instant_swap.completed'],
      calypso: eventTypes.calypso.map((e) => e.type),
      paychant: eventTypes.paychant.map((e) => e.type),
    };
    for (const provider of providers) {
      const table = coverage(provider);
      for (const type of seedEvents[provider]) expect(hasRow(table, type), `${provider}: ${type}`).toBe(true);
    }
  });

  const seed = (file: string) => readFileSync(`${seedsDir}/${file}`, 'utf8');
  const all = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]!);

  it.skipIf(!seedsPresent)('have a row for every name the seed documents use', () => {
    const names: Record<ProviderId, string[]> = {
      instaxchange: [...all(seed('000_e2a844f721815f38.txt'), /"(\w+)":/g), 'X-InstaXWH-KEY', 'X-Instaxwh-Key', 'POST /api/session'],
      instap: (() => {
        const text = seed('001_0ff19f2f8d0a161f.txt');
        return [
          ...all(text, /^([\w-]+)\*?\n(?:string|number)\n/gm),
          ...all(text, /"(\w+)":/g),
          ...all(text, /^(NEW|COMPLETED|EXPIRED|FAILED):/gm),
          'x-payload-hash',
          'errorHmacDoesNotMatch',
          'POST /pgpub/session',
          'GET /pgpub/session/{sessionToken}',
        ];
      })(),
      openxswitch: all(seed('002_d7575cde11350141.txt'), /^([a-z][\w.[\]]*) \|/gm),
      calypso: (() => {
        const text = seed('003_761a1bec504326de.txt');
        return [
          ...all(text, /^(\w+) \| (?:string|number|object|array|boolean)/gm),
          ...all(text, /^([A-Z][A-Z_]{5,})$/gm),
          ...all(text, /"(\w+)":/g).filter((k) => !/^[A-Z]{3}$/.test(k)),
        ];
      })(),
      paychant: (() => {
        const text = seed('004_93147de439a9faac.txt');
        const overview = /notifications for the (\w+), (\w+), and (\w+) statuses/.exec(text)!.slice(1);
        return [...all(text, /^\s+(\w+): /gm), ...all(text, /^([A-Z][A-Z_]{5,})$/gm), ...overview, 'paychant-signature'];
      })(),
    };
    const missing = providers.flatMap((provider) => {
      const table = coverage(provider);
      return [...new Set(names[provider])].filter((name) => !hasRow(table, name)).map((name) => `${provider}: ${name}`);
    });
    expect(missing).toEqual([]);
  });
});
