import { afterEach, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { tempDir } from '../helpers/temp.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole | null = null;
  afterEach(async () => {
    await gw?.close();
    gw = null;
  });

  describe('console API in serve mode', () => {
    it('refuses calls without the token, with a wrong token, and from another origin', async () => {
      gw = await startTestConsole({ backend });
      const call = (headers: Record<string, string>) =>
        fetch(`${gw!.consoleOrigin}/api/deliveries.list`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
      const none = await call({});
      expect(none.status).toBe(401);
      expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      expect((await call({ authorization: 'Bearer wrong-token-000000000' })).status).toBe(401);
      const crossOrigin = await call({ authorization: `Bearer ${gw.token}`, origin: 'http://evil.example' });
      expect(crossOrigin.status).toBe(403);
      expect((await call({ authorization: `Bearer ${gw.token}`, origin: gw.consoleOrigin })).status).toBe(200);
    });

    it('validates input with zod and answers 400 with the issues', async () => {
      gw = await startTestConsole({ backend });
      const { status, body } = await gw.api<{ error: { code: string; issues: Array<{ path: string }> } }>('deliveries.list', { limit: 'ten' });
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_request');
      expect(body.error.issues[0]!.path).toBe('limit');
      const unknown = await gw.api<{ error: { code: string } }>('deliveries.drop', {});
      expect(unknown.status).toBe(404);
      const missing = await gw.api<{ error: { code: string } }>('deliveries.get', { id: 'dlv_nope' });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('not_found');
    });

    it('answers 413 to an oversized call', async () => {
      gw = await startTestConsole({ backend });
      const response = await fetch(`${gw.consoleOrigin}/api/deliveries.list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gw.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ q: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(response.status).toBe(413);
    });

    it('lists newest first with keyset pagination, filters and full-text search', async () => {
      gw = await startTestConsole({ backend });
      for (let i = 0; i < 5; i++) await gw.post('/webhooks/paychant', JSON.stringify({ event: 'CREATED', data: { pid: `pid-${i}` } }));
      await gw.post('/webhooks/calypso', JSON.stringify({ eventType: 'INVOICE_PAID', data: { externalId: 'ext-deep-value-42' } }));
      await gw.gatewatch.worker.idle();
      type Page = { items: Array<{ id: string; provider: string }>; total: number; nextCursor: string | null };
      const first = (await gw.api<Page>('deliveries.list', { limit: 4 })).body;
      expect(first.total).toBe(6);
      expect(first.items[0]!.provider).toBe('calypso');
      expect(first.nextCursor).not.toBeNull();
      const second = (await gw.api<Page>('deliveries.list', { limit: 4, cursor: first.nextCursor })).body;
      expect(second.items).toHaveLength(2);
      expect(second.nextCursor).toBeNull();
      const ids = [...first.items, ...second.items].map((d) => d.id);
      expect(new Set(ids).size).toBe(6);
      const paychant = (await gw.api<Page>('deliveries.list', { provider: 'paychant' })).body;
      expect(paychant.total).toBe(5);
      const found = (await gw.api<Page>('deliveries.list', { q: 'ext-deep-value-42' })).body;
      expect(found.items.map((d) => d.provider)).toEqual(['calypso']);
      const pid = (await gw.api<Page>('deliveries.list', { q: 'pid-3' })).body;
      expect(pid.items).toHaveLength(1);
    });

    it('keeps deliveries across a restart on the same data dir', async () => {
      const dir = tempDir();
      try {
        gw = await startTestConsole({ backend, dataDir: dir.path });
        const body = '{"event":"x"}';
        const { id } = (await (await gw.post('/webhooks/paychant', body)).json()) as { id: string };
        await gw.close({ keepData: true });
        gw = await startTestConsole({ backend, dataDir: dir.path });
        const { status, body: d } = await gw.api<{ body: string }>('deliveries.get', { id });
        expect(status).toBe(200);
        expect(d.body).toBe(body);
      } finally {
        await gw?.close();
        gw = null;
        dir.remove();
      }
    });

    it('reports the listener and the URLs to paste into each provider', async () => {
      gw = await startTestConsole({ backend });
      type Status = { listening: boolean; urls: Array<{ provider: string; localUrl: string; publicUrl: string | null }> };
      const before = (await gw.api<Status>('listener.status')).body;
      expect(before.listening).toBe(true);
      expect(before.urls.map((u) => u.provider)).toContain('calypso');
      expect(before.urls[0]!.publicUrl).toBeNull();
      const after = (await gw.api<Status>('listener.configure', { publicBaseUrl: 'https://abc.ngrok-free.app/' })).body;
      expect(after.urls.find((u) => u.provider === 'paychant')!.publicUrl).toBe('https://abc.ngrok-free.app/webhooks/paychant');
    });

    it('pushes new deliveries as server-sent events', async () => {
      gw = await startTestConsole({ backend });
      const controller = new AbortController();
      const response = await fetch(`${gw.consoleOrigin}/api/events`, {
        headers: { authorization: `Bearer ${gw.token}` },
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const { id } = (await (await gw.post('/webhooks/paychant', '{}')).json()) as { id: string };
      let text = '';
      while (!text.includes(id)) text += (await reader.read()).value ?? '';
      expect(text).toContain('deliveries.received');
      controller.abort();
    });
  });
});
