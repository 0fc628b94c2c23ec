/**
 * Text PostgreSQL's `text` cannot hold as such (U+0000, lone surrogates) where a webhook or the
 * console API can put it: every backend keeps it and finds it as SQLite does, and a key with a
 * NUL that was never stored finds nothing rather than failing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { storeBackends } from '../helpers/store-backends.js';
import { escapeText, unescapeText } from '../../src-main/store/postgres/text-codec.js';

describe('the PostgreSQL store text codec', () => {
  it('round-trips NUL, lone surrogates, pairs and its own escape character, leaving other text as it is', () => {
    for (const text of ['plain', 'a\u0000b', '\u0000', '\ud800', 'x\udc00y', '😀', 'a\ud83d\ude00\ud83d', '\ufdd0', '\ufdd00', '\ufdd0u0041', '']) {
      const escaped = escapeText(text);
      expect(escaped.includes('\u0000')).toBe(false);
      expect(escaped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(unescapeText(escaped)).toBe(text);
    }
    expect(escapeText('plain “text” 😀')).toBe('plain “text” 😀');
  });

  it('keeps prefixes: the escaped prefix starts the escaped text', () => {
    const text = 'ref\u0000\ud800\ufdd0tail';
    for (let n = 0; n <= text.length; n++) expect(escapeText(text).startsWith(escapeText(text.slice(0, n)))).toBe(true);
  });
});

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole;
  let id = '';
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
    const body = JSON.stringify({ event: 'PAYMENT\u0000COMPLETED', data: { pid: 'nul\u0000pid', transactionRef: 'R\ud800X' } });
    id = ((await (await gw.post('/webhooks/paychant', body)).json()) as { id: string }).id;
    await gw.gatewatch.worker.idle();
  });
  afterAll(() => gw.close());

  it('derives a webhook whose JSON holds a NUL and a lone surrogate, keeping them', async () => {
    const { status, body } = await gw.api<{ eventType: string; parseError: string | null; correlationKeys: Array<{ value: string }> }>('deliveries.get', {
      id,
    });
    expect(status).toBe(200);
    expect(body.parseError).toBeNull();
    expect(body.eventType).toBe('PAYMENT\u0000COMPLETED');
    expect(body.correlationKeys.map((k) => k.value)).toEqual(expect.arrayContaining(['nul\u0000pid', 'R\ud800X']));
  });

  it('finds the timeline of a key with a NUL or a lone surrogate, and not of U+FFFD in its place', async () => {
    type Timeline = { steps: unknown[] };
    for (const key of ['nul\u0000pid', 'R\ud800X']) {
      const { status, body } = await gw.api<Timeline>('timeline.get', { key });
      expect(status, JSON.stringify(key)).toBe(200);
      expect(body.steps.length, JSON.stringify(key)).toBeGreaterThan(0);
    }
    for (const key of ['R\ufffdX', 'nul\u0000other', '\u0000']) {
      const { status, body } = await gw.api<Timeline>('timeline.get', { key });
      expect(status, JSON.stringify(key)).toBe(200);
      expect(body.steps, JSON.stringify(key)).toEqual([]);
    }
  });

  it('answers lookups of ids with a NUL as not found', async () => {
    for (const [call, input] of [
      ['deliveries.get', { id: `${id}\u0000` }],
      ['sessions.get', { id: 'ses_\u0000' }],
    ] as const) {
      const { status, body } = await gw.api<{ error?: { code: string } }>(call, input);
      expect(status, call).toBe(404);
      expect(body.error?.code, call).toBe('not_found');
    }
  });

  it('keeps a saved view whose name holds a NUL, and finds it again', async () => {
    const saved = await gw.api<{ id: string; name: string }>('views.save', { name: 'a\u0000b', filter: {} });
    expect(saved.status).toBe(200);
    expect(saved.body.name).toBe('a\u0000b');
    const list = await gw.api<{ views: Array<{ name: string }> } | Array<{ name: string }>>('views.list', {});
    expect(JSON.stringify(list.body)).toContain('a\\u0000b');
  });
});
