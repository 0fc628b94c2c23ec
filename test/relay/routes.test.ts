/** Routes follow the replay targets' URL rules and say in words what is wrong; --forward sets one up. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { parseForwardFlag } from '../../src-main/relay/forward-flag.js';
import type { RelayRouteView } from '../../src-shared/contract/relay.js';
import type { AuditEntry } from '../../src-shared/contract/audit.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  let gw: TestConsole;
  beforeAll(async () => {
    gw = await startTestConsole({ backend });
  });
  afterAll(async () => {
    await gw.close();
  });

  type Refusal = { error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };

  describe('relay routes', () => {
    it('refuses credentials in the URL, like replay targets', async () => {
      const answer = await gw.api<Refusal>('relay.routes.save', { provider: 'paychant', url: 'http://user:pw@127.0.0.1:3000/hooks', mode: 'passthrough' });
      expect(answer.status).toBe(400);
      expect(answer.body.error.issues).toContainEqual({ path: 'url', message: 'Put credentials in a secret field or a header, not in the URL' });
    });

    it('needs a destination to forward, not to simulate', async () => {
      const answer = await gw.api<Refusal>('relay.routes.save', { provider: 'paychant', mode: 'queue' });
      expect(answer.status).toBe(400);
      expect(answer.body.error.issues![0]!.message).toMatch(/destination URL is needed/);
    });

    it('asks to confirm a production-like host', async () => {
      const input = { provider: 'calypso', label: 'prod', url: 'https://api.calypso.finance/hooks', mode: 'passthrough' } as const;
      const refused = await gw.api<Refusal>('relay.routes.save', input);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(
        /Confirm relaying to https:\/\/api\.calypso\.finance\/hooks: api\.calypso\.finance looks like Calypso's production API/,
      );
      const saved = await gw.api<RelayRouteView>('relay.routes.save', { ...input, confirm: true });
      expect(saved.status).toBe(200);
      expect(saved.body.productionLike).toMatch(/Calypso/);
      expect(saved.body.warnings.join(' ')).toMatch(/counts only 200 OK/);
      await gw.api('relay.routes.delete', { id: saved.body.id });
    });

    it('refuses a route to its own listener', async () => {
      const own = `${gw.webhookBaseUrl}/webhooks/instap`;
      const answer = await gw.api<Refusal>('relay.routes.save', { provider: 'paychant', url: own, mode: 'queue' });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/Gatewatch's own listener/);
    });

    it('refuses a second route on one path, and a provider schedule InstaXchange does not document', async () => {
      const first = await gw.api<RelayRouteView>('relay.routes.save', { provider: 'instap', label: 'eu', url: 'http://127.0.0.1:9/a', mode: 'queue' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        path: '/webhooks/instap/eu',
        timeoutMs: 10_000,
        concurrency: 8,
        scheduleWords: '10 s, 30 s, 1 min, 5 min, 15 min, 1 h × 23 (29 tries over 23.4 h)',
      });
      const second = await gw.api<Refusal>('relay.routes.save', { provider: 'instap', label: 'eu', url: 'http://127.0.0.1:9/b', mode: 'queue' });
      expect(second.status).toBe(409);
      expect(second.body.error.message).toBe('A route for /webhooks/instap/eu already exists: edit that one instead.');
      const undocumented = await gw.api<Refusal>('relay.routes.save', {
        provider: 'instaxchange',
        url: 'http://127.0.0.1:9/c',
        mode: 'queue',
        schedule: { kind: 'provider' },
      });
      expect(undocumented.status).toBe(400);
      expect(undocumented.body.error.message).toMatch(/InstaXchange documents no retry schedule/);
      const provider = await gw.api<RelayRouteView>('relay.routes.save', {
        id: first.body.id,
        provider: 'instap',
        label: 'eu',
        url: 'http://127.0.0.1:9/a',
        mode: 'queue',
        schedule: { kind: 'provider' },
      });
      expect(provider.body.scheduleWords).toBe('3 min × 480 (481 tries over 24.0 h)');
      expect(provider.body.providerRetries).toBe('Instap: every 3 minutes for a day until a 200–204 (481 tries in all).');
    });

    it('audits every change with the destination, never more', async () => {
      const { items } = (await gw.api<{ items: AuditEntry[] }>('audit.list', { action: 'relay.routes.save', limit: 10 })).body;
      expect(items.length).toBeGreaterThan(0);
      expect(items[0]!.summary).toMatch(/relay route \/webhooks\/instap\/eu → http:\/\/127\.0\.0\.1:9\/a \(queue\), from the console/);
    });
  });

  describe('--forward', () => {
    it('reads provider[/label]=url', () => {
      expect(parseForwardFlag('paychant=http://localhost:3000/hooks')).toEqual({ provider: 'paychant', label: null, url: 'http://localhost:3000/hooks' });
      expect(parseForwardFlag('calypso/eu=https://example.test/x?y=1')).toEqual({ provider: 'calypso', label: 'eu', url: 'https://example.test/x?y=1' });
    });

    it('says what is wrong in words', () => {
      expect(() => parseForwardFlag('http://localhost:3000')).toThrow(/expected <provider>\[\/<label>\]=<url>/);
      expect(() => parseForwardFlag('stripe=http://localhost:3000')).toThrow(/"stripe" is not a provider; one of instaxchange, instap/);
      expect(() => parseForwardFlag('paychant/a/b=http://localhost:3000')).toThrow(/is not a listener path/);
      expect(() => parseForwardFlag('paychant=ftp://localhost/x')).toThrow(/--forward paychant=ftp:\/\/localhost\/x: /);
      expect(() => parseForwardFlag('paychant=http://u:p@localhost/x')).toThrow(/not in the URL/);
    });

    it('sets up a passthrough route at start, and keeps one per path on restart', async () => {
      const forward = [{ provider: 'paychant' as const, label: null, url: 'http://127.0.0.1:9/laptop' }];
      const first = await startTestConsole({ backend, forward });
      try {
        const { routes } = (await first.api<{ routes: RelayRouteView[] }>('relay.routes.list')).body;
        expect(routes).toHaveLength(1);
        expect(routes[0]).toMatchObject({ path: '/webhooks/paychant', url: 'http://127.0.0.1:9/laptop', mode: 'passthrough' });
      } finally {
        await first.close({ keepData: true });
      }
      const again = await startTestConsole({ backend, dataDir: first.dataDir, forward: [{ ...forward[0]!, url: 'http://127.0.0.1:9/moved' }] });
      try {
        const { routes } = (await again.api<{ routes: RelayRouteView[] }>('relay.routes.list')).body;
        expect(routes.map((r) => r.url)).toEqual(['http://127.0.0.1:9/moved']);
      } finally {
        await again.close();
      }
    });
  });
});
