import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  type Page = { items: Array<{ id: string }>; total: number };

  // FTS5 reads a MATCH string up to its first NUL ("unterminated string" → 500 before the fix);
  // the other control characters are word separators to the unicode61 tokenizer.
  describe('search text with control characters', () => {
    let gw: TestConsole;
    let jsonId = '';
    let rawId = '';
    const idOf = async (answer: Response) => ((await answer.json()) as { id: string }).id;
    beforeAll(async () => {
      gw = await startTestConsole({ backend });
      jsonId = await idOf(await gw.post('/webhooks/paychant', JSON.stringify({ event: 'CREATED', data: { pid: 'ctl-alpha' } })));
      // A raw NUL byte in the body (not JSON, kept and indexed as text).
      rawId = await idOf(await gw.post('/webhooks/paychant', 'note beta\u0000gamma', { 'content-type': 'text/plain' }));
      await gw.gatewatch.worker.idle();
    });
    afterAll(() => gw.close());

    for (const control of ['\u0000', '\u0001', '\u007f', '\u001b']) {
      const name = `U+${control.codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase()}`;
      it(`answers a search containing ${name} without a server error, searching for the rest literally`, async () => {
        for (const q of [`ctl-alpha${control}`, `${control}ctl-alpha`, `ctl-alpha ${control}`, `ctl${control}alpha`]) {
          const { status, body } = await gw.api<Page>('deliveries.list', { q });
          expect(status, `q=${JSON.stringify(q)}`).toBe(200);
          expect(body.items.map((d) => d.id)).toEqual([jsonId]);
        }
        // Nothing searchable left: like a box of spaces, every delivery.
        const alone = await gw.api<Page>('deliveries.list', { q: control });
        expect(alone.status).toBe(200);
        expect(alone.body.items.map((d) => d.id)).toEqual([rawId, jsonId]);
      });
    }

    it('finds words a NUL separated in the body, as the index split them', async () => {
      const { status, body } = await gw.api<Page>('deliveries.list', { q: 'beta\u0000gamma' });
      expect(status).toBe(200);
      expect(body.items.map((d) => d.id)).toEqual([rawId]);
    });
  });
});
